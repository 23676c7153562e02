/**
 * `wfm serve` as a process (needs `npm run build`: bin/wfm.js loads dist/): listens on 127.0.0.1
 * by default, logs JSON with request ids and without bodies, needs the key when WFM_API_KEY is
 * set, and exits 0 on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/wfm.js', import.meta.url));
const built = existsSync(new URL('../../dist/server.js', import.meta.url));
if (!built) console.warn('tests/api/serve.test.ts: skipped, dist/ is missing (run `npm run build`).');

describe.skipIf(!built)('wfm serve', () => {
  it(
    'listens on loopback, checks the key, logs without bodies, and stops on SIGTERM',
    { timeout: 30_000 },
    async () => {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
        env: { ...process.env, WFM_API_KEY: 'k3y' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          log += chunk;
          const m = /Server listening at (http:\/\/[^"\s]+)/.exec(log);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
      });
      try {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        const secret = 'do-not-log-this-body';
        const denied = await fetch(`${url}/v1/erlang`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ volume: 1, note: secret }),
        });
        expect(denied.status).toBe(401);
        const bad = await fetch(`${url}/v1/erlang`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer k3y' },
          body: JSON.stringify({ volume: 1, note: secret }),
        });
        expect(bad.status).toBe(400);
        const ok = await fetch(`${url}/v1/erlang`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer k3y', 'x-request-id': 'req-42' },
          body: JSON.stringify({ volume: 100, intervalMinutes: 30, ahtSeconds: 180 }),
        });
        expect(ok.status).toBe(200);
        // C01 of ../shared/reference/erlang-cases.json: 14 agents.
        expect(((await ok.json()) as { agents: number }).agents).toBe(14);
        await new Promise((r) => setTimeout(r, 200));
        expect(log).toContain('"reqId":"req-42"');
        expect(log).not.toContain(secret);
        expect(log).not.toContain('k3y');
      } finally {
        child.kill('SIGTERM');
        const [code] = (await once(child, 'exit')) as [number | null];
        expect(code).toBe(0);
      }
    },
  );
});
