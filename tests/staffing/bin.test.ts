import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'wfm.js');
const built = existsSync(join(root, 'dist', 'cli', 'main.js'));

function wfm(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The real executable, as a user runs it (`npm test` builds dist/ first).
describe.skipIf(!built)('bin/wfm.js (compiled; skipped when dist/ is absent: run `npm run build`)', () => {
  it('documents the staffing commands and the default target in --help', () => {
    const r = wfm('staff', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--service-level/);
    expect(r.stdout).toMatch(/80 % of contacts answered within 20 s/);
  });

  it('solves one interval (reference case C01: 14 agents)', () => {
    // ../shared/reference/erlang-cases.json C01: 100 calls / 30 min, AHT 180 s, 80 % in 20 s -> 14 agents.
    const r = wfm('erlang', '--volume', '100', '--interval', '30', '--aht-seconds', '180');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).agents).toBe(14);
  });

  it('exits 2 on bad input, naming the CSV line and field, with no output file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-bin-'));
    try {
      writeFileSync(
        join(dir, 'in.csv'),
        'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n2026-06-01T09:15Z,-4,180\n',
      );
      const r = wfm('staff', '--input', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/line 3, volume/);
      expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs README's first command, the whole-plan demo, into a fresh folder", () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-bin-demo-'));
    try {
      const out = join(dir, 'demo');
      const r = wfm('demo', '--out', out);
      // 0 when its verdict is met, 3 when it falls short (files written either way): README, "CLI".
      const verdict = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { verdict: { met: boolean } })
        .verdict;
      expect(r.code).toBe(verdict.met ? 0 : 3);
      expect(r.stdout).toMatch(/Roster +150\/150 agents working/);
      for (const file of [
        'report.html',
        'summary.json',
        'forecast.csv',
        'staffing.csv',
        'shift-plan.json',
        'roster.json',
      ]) {
        expect(existsSync(join(out, file)), file).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
