/**
 * `npm run bench [name-filter...]`: runs every benchmarks/*.bench.ts in its own process, one
 * after another (so they do not compete for the two cores), then rewrites the summary table in
 * benchmarks/README.md from the JSON results.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR } from './lib/report.js';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`${file} exited with ${run.status}`);
  }
}

const rows: string[] = [];
for (const f of readdirSync(RESULTS_DIR)
  .filter((x) => x.endsWith('.json'))
  .sort()) {
  const r = JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as {
    name: string;
    metrics: Record<string, unknown>;
    targets?: Record<string, { target: string; met: boolean }>;
    commit: string;
    measuredAt: string;
  };
  const metrics = Object.entries(r.metrics)
    .slice(0, 6)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toPrecision(4) : String(v)}`)
    .join(', ');
  const targets = r.targets
    ? Object.values(r.targets)
        .map((t) => `${t.met ? 'met' : 'MISSED'}: ${t.target}`)
        .join('; ')
    : '';
  rows.push(`| ${r.name} | ${metrics} | ${targets} | ${r.commit} ${r.measuredAt.slice(0, 10)} |`);
}
const readmePath = join(here, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const table = ['| benchmark | figures | targets | commit, date |', '|---|---|---|---|', ...rows].join('\n');
const start = '<!-- results:start -->';
const end = '<!-- results:end -->';
const next = readme.includes(start)
  ? readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`)
  : `${readme}\n${start}\n${table}\n${end}\n`;
writeFileSync(readmePath, next);
process.exitCode = failed > 0 ? 1 : 0;
