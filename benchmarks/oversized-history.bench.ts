/**
 * An oversized history is refused at the row limit while it is read (issue 16): `wfm forecast`
 * on a ~190 MB CSV (about 4.9 million interval rows, ten times MAX_HISTORY_ROWS) must exit 2 within
 * a second, holding about the limit's bytes in memory rather than the file's. Runs the built CLI
 * (`npm run bench` builds first) as its users would, in a child process, and reads its peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHistoryQueues } from '../src/io/history-files.js';
import { nowMs, writeResult } from './lib/report.js';

const dir = mkdtempSync(join(tmpdir(), 'wfm-oversized-'));
const file = join(dir, 'history.csv');
const fd = openSync(file, 'w');
writeSync(fd, 'start,volume,aht_seconds\n');
const start = Date.UTC(2020, 0, 6);
for (let block = 0; block < 49; block++) {
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    const ms = start + (block * 100_000 + i) * 15 * 60_000;
    lines.push(`${new Date(ms).toISOString().slice(0, 19)}+01:00,${(i % 97) + 0.5},${200 + (i % 50)}.25`);
  }
  writeSync(fd, `${lines.join('\n')}\n`);
}
closeSync(fd);
const megabytes = statSync(file).size / 2 ** 20;

// The refusal itself, in process: reading up to the limit and stopping.
let code = '';
const t0 = nowMs();
try {
  readHistoryQueues(file);
} catch (error) {
  code = (error as { code?: string }).code ?? '';
}
const seconds = (nowMs() - t0) / 1000;

// The whole command as a user runs it, for its exit status and peak memory (process start included).
const t1 = nowMs();
const run = spawnSync(
  process.execPath,
  [
    '-e',
    `process.on('exit', () => process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'));` +
      `import('./dist/cli/main.js').then((m) => m.main(['node', 'wfm', 'forecast', '--history', ${JSON.stringify(file)}]))` +
      `.then((code) => { process.exitCode = code; });`,
  ],
  { encoding: 'utf8' },
);
const commandSeconds = (nowMs() - t1) / 1000;
rmSync(dir, { recursive: true, force: true });
const rssMiB = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
const refused = code === 'WFM_ERR_INPUT_TOO_LARGE' && run.status === 2 && run.stderr.includes(code);

writeResult({
  name: 'oversized-history',
  description: 'wfm forecast on a CSV ten times over the history row limit: refused while reading',
  size: { fileMiB: Math.round(megabytes), rows: 4_900_000, maxRows: 500_000 },
  metrics: { fileMiB: megabytes, seconds, commandSeconds, peakRssMiB: rssMiB, refused: refused ? 1 : 0 },
  targets: {
    refused: { target: 'exit 2 with WFM_ERR_INPUT_TOO_LARGE', met: refused },
    seconds: { target: 'refused within 1 s of starting to read', met: seconds < 1 },
    memory: { target: 'peak RSS under 512 MiB (the file is 177 MiB)', met: rssMiB < 512 },
  },
});
