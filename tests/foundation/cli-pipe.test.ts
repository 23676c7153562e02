/**
 * `wfm ... | head`: a reader that closes the pipe early ends the output quietly (exit 0, nothing
 * on stderr), instead of an unhandled EPIPE stack trace. Runs bin/wfm.js (needs `npm run build`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/wfm.js', import.meta.url));
const built = existsSync(new URL('../../dist/cli/main.js', import.meta.url));
if (!built) console.warn('tests/foundation/cli-pipe.test.ts: skipped, dist/ is missing (run `npm run build`).');

describe.skipIf(!built)('output into a pipe closed early', () => {
  it('exits 0 without a stack trace when the reader stops after the first chunk', async () => {
    // A large help text, written after the reader has gone.
    const child = spawn(process.execPath, [bin, 'shift-plan', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
