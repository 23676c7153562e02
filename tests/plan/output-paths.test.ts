/**
 * CLI outputs: a path that cannot take the output is refused with its cause named (exit 2, nothing
 * written, no stack trace), several outputs of one command are written together or not at all,
 * and the temporary siblings a killed run leaves behind are removed by the next run.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFolderAtomic } from '../../src/io/files.js';
import { removeStaleSiblings } from '../../src/io/atomic-write.js';
import { runCli } from '../staffing/cli-harness.js';

const CSV = 'start,volume,aht_seconds\n2026-06-01 09:00,100,180\n2026-06-01 09:30,90,180\n';
const RULES = { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '12:00' }] }] };
const REQUIREMENT = 'start,agents\n2026-03-02T08:00:00Z,1\n2026-03-02T09:00:00Z,2\n2026-03-02T10:00:00Z,1\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-out-paths-'));
  writeFileSync(join(dir, 'in.csv'), CSV);
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  writeFileSync(join(dir, 'req.csv'), REQUIREMENT);
  writeFileSync(join(dir, 'rules.json'), JSON.stringify(RULES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited (its pid is no longer running). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 0;
}

describe('an --out that cannot take the output', () => {
  it('wfm staff --out under a file: exit 2, names the path and ENOTDIR, no stack trace', async () => {
    const out = join(dir, 'a-file', 'x.csv');
    const r = await runCli('staff', '--input', join(dir, 'in.csv'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out: cannot write "${out}"`);
    expect(r.stderr).toContain(`"${join(dir, 'a-file')}" is a file, not a folder (ENOTDIR)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('wfm shift-plan --coverage-csv with a bad --out writes neither file', async () => {
    const cov = join(dir, 'cov.csv');
    const r = await runCli(
      'shift-plan',
      '--requirements',
      join(dir, 'req.csv'),
      '--rules',
      join(dir, 'rules.json'),
      '--coverage-csv',
      cov,
      '--out',
      join(dir, 'a-file', 'plan.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/WFM_ERR_IO_OUTPUT_PATH: --out: cannot write/);
    expect(existsSync(cov)).toBe(false);
  });

  it('an --out that is a folder where a file goes is named as such', async () => {
    mkdirSync(join(dir, 'folder.csv'), { recursive: true });
    const r = await runCli('staff', '--input', join(dir, 'in.csv'), '--out', join(dir, 'folder.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${join(dir, 'folder.csv')}" is a folder (EISDIR)`);
  });
});

describe('a read-only file system', () => {
  // Needs a read-only mount: made with `mount -t tmpfs -o ro`, which only root (or CAP_SYS_ADMIN) may do.
  const ro = join(tmpdir(), `wfm-ro-${process.pid}`);
  let mounted = false;
  beforeAll(() => {
    mkdirSync(ro, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro', 'none', ro], { stdio: 'ignore' });
      mounted = true;
    } catch {
      console.warn('skipped: cannot mount a read-only tmpfs here (needs root)');
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [ro]);
    rmSync(ro, { recursive: true, force: true });
  });

  it('a plan folder onto a read-only mount names EROFS, not ENOENT', ({ skip }) => {
    if (!mounted) skip();
    const out = join(ro, 'week-23');
    expect(() => writeFolderAtomic(out, new Map([['a.txt', 'x']]))).toThrow(
      `--out: cannot write "${out}": "${ro}" is on a read-only file system (EROFS).`,
    );
  });

  it('wfm staff --out onto a read-only mount: exit 2 with EROFS', async ({ skip }) => {
    if (!mounted) skip();
    const r = await runCli('staff', '--input', join(dir, 'in.csv'), '--out', join(ro, 'sub', 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is on a read-only file system (EROFS)');
  });
});

describe('temporary siblings of killed runs', () => {
  it('a run killed with SIGKILL before its rename leaves .out.<pid>.tmp; the next run removes it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'wfm-killed-'));
    const out = join(base, 'out');
    const script = [
      `import { writeFolderAtomic } from ${JSON.stringify(resolve('src/io/files.ts'))};`,
      `writeFolderAtomic(${JSON.stringify(out)}, new Map([['a.txt', 'new'], ['ics/b.ics', 'x']]), {`,
      `  beforeRename: () => { process.stdout.write('ready\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); },`,
      `});`,
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Pipes are written synchronously on Linux, and the hook then blocks: kill it once every file is
    // in the temporary folder, before the rename.
    await new Promise<void>((done) => child.stdout.on('data', () => (child.kill('SIGKILL'), done())));
    await new Promise((done) => child.on('exit', done));
    expect(readdirSync(base)).toEqual([`.out.${child.pid}.tmp`]);
    writeFolderAtomic(out, new Map([['a.txt', 'next']]));
    expect(readdirSync(base)).toEqual(['out']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('next');
  });

  it('a stale .old is put back when the output is missing, removed when it is there', () => {
    const base = mkdtempSync(join(tmpdir(), 'wfm-stale-old-'));
    const pid = deadPid();
    mkdirSync(join(base, `.out.${pid}.old`));
    writeFileSync(join(base, `.out.${pid}.old`, 'a.txt'), 'last complete');
    mkdirSync(join(base, `.out.${pid}.tmp`));
    expect(removeStaleSiblings(join(base, 'out')).sort()).toEqual([`.out.${pid}.old`, `.out.${pid}.tmp`]);
    expect(readdirSync(base)).toEqual(['out']);
    expect(readFileSync(join(base, 'out', 'a.txt'), 'utf8')).toBe('last complete');
    mkdirSync(join(base, `.out.${pid}.old`));
    removeStaleSiblings(join(base, 'out'));
    expect(readdirSync(base)).toEqual(['out']);
  });

  it("a running process's temporary folder is left alone", () => {
    const base = mkdtempSync(join(tmpdir(), 'wfm-live-tmp-'));
    // The parent of this test process is running (vitest's main process or the shell).
    mkdirSync(join(base, `.out.${process.ppid}.tmp`));
    writeFolderAtomic(join(base, 'out'), new Map([['a.txt', 'x']]));
    expect(readdirSync(base).sort()).toEqual([`.out.${process.ppid}.tmp`, 'out']);
  });

  it('a stale temporary file of a single-file output is removed by the next write', async () => {
    const pid = deadPid();
    const stale = join(dir, `.x.csv.${pid}.tmp`);
    const legacy = join(dir, `.${pid}.1764000000000.tmp`);
    writeFileSync(stale, 'half');
    writeFileSync(legacy, 'half');
    const r = await runCli('staff', '--input', join(dir, 'in.csv'), '--out', join(dir, 'x.csv'));
    expect(r.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(legacy)).toBe(false);
  });
});
