/**
 * Curtois & Qu employee shift scheduling instances 1-12 (../shared/scheduling-benchmarks/
 * curtois-qu-nrp-24/), read into the roster's own rules and solved by the roster's search, 60 s
 * each (ROSTER_CQ_SECONDS overrides, ROSTER_CQ_INSTANCES="1,2" selects): late-acceptance local
 * search, then HiGHS (one MIP over the whole instance when small, then sub-MIP large-neighbourhood
 * search); LOCAL_ONLY=1 runs the local search alone. Reports the penalty, the
 * gap to the best known value, and an independent re-evaluation of each solution.
 * Target (issue 5): within 10 % of the best known on instances 1-8.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCurtoisQu } from '../src/scheduler/roster/curtois-qu.js';
import { hybridSearch, lnsApplicable, type LnsOptions } from '../src/scheduler/roster/lns.js';
import { searchRoster } from '../src/scheduler/roster/search.js';
import { loadSolver } from '../src/scheduler/mip/highs.js';
import { evaluateCurtoisQu } from './lib/curtois-qu.js';
import { SHARED_DIR, nowMs, writeResult } from './lib/report.js';

const BEST_KNOWN: Record<number, number> = {
  1: 607,
  2: 828,
  3: 1001,
  4: 1716,
  5: 1143,
  6: 1950,
  7: 1056,
  8: 1300,
  9: 439,
  10: 4631,
  11: 3443,
  12: 4040,
};
const dir = join(SHARED_DIR, 'scheduling-benchmarks', 'curtois-qu-nrp-24');
const seconds = Number(process.env.ROSTER_CQ_SECONDS ?? 60);
// ROSTER_CQ_LNS='{"shortShare":0}' overrides LNS options (for comparing variants)
const lnsOverride = process.env.ROSTER_CQ_LNS ? (JSON.parse(process.env.ROSTER_CQ_LNS) as Partial<LnsOptions>) : null;
const instances = (process.env.ROSTER_CQ_INSTANCES ?? '1,2,3,4,5,6,7,8,9,10,11,12').split(',').map(Number);

if (!existsSync(dir)) {
  console.log(`skipped: ${dir} is absent`);
  process.exit(0);
}
const highs = await loadSolver();
const rows = [];
for (const n of instances) {
  const text = readFileSync(join(dir, `Instance${n}.txt`), 'utf8');
  const inst = readCurtoisQu(text);
  const t0 = nowMs();
  // local search alone with LOCAL_ONLY=1; by default local search then HiGHS (full MIP / LNS)
  const r =
    process.env.LOCAL_ONLY || !lnsApplicable(inst.problem)
      ? {
          ...searchRoster(inst.problem, {
            seed: 1,
            maxIterations: Number.MAX_SAFE_INTEGER,
            timeLimitMs: seconds * 1000,
            now: nowMs,
          }),
          phases: [],
        }
      : {
          ...hybridSearch(inst.problem, {
            highs,
            seed: 1,
            timeLimitMs: seconds * 1000,
            now: nowMs,
            ...(lnsOverride ? { lns: lnsOverride } : {}),
            ...(process.env.ROSTER_CQ_FULL_MIP_COLUMNS
              ? { fullMipColumns: Number(process.env.ROSTER_CQ_FULL_MIP_COLUMNS) }
              : {}),
          }),
          iterations: null,
          restarts: null,
        };
  const ms = nowMs() - t0;
  const D = inst.problem.days;
  const solRows = inst.staffIds.map((_, e) =>
    Array.from({ length: D }, (_, d) => {
      const c = r.assign[e * D + d]!;
      return c < 0 ? '' : inst.shiftIds[inst.problem.cells[c]!.type]!;
    }),
  );
  const check = evaluateCurtoisQu(text, { rows: solRows });
  const best = BEST_KNOWN[n]!;
  const row = {
    instance: n,
    days: D,
    staff: inst.staffIds.length,
    shiftTypes: inst.shiftIds.length,
    penalty: r.soft,
    independentPenalty: check.objective,
    hardViolations: check.hardViolations.length,
    bestKnown: best,
    gap: (check.objective - best) / best,
    phases: r.phases
      .map((ph) => `${ph.name} ${ph.hard > 0 ? 'infeasible' : ph.soft} @${Math.round(ph.ms / 100) / 10}s`)
      .join(', '),
    seconds: Math.round(ms) / 1000,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
const target = rows.filter((x) => x.instance <= 8);
const worstGap18 = target.length ? Math.max(...target.map((x) => (x.hardViolations > 0 ? Infinity : x.gap))) : null;
writeResult({
  name: 'roster-curtois-qu',
  description: `Curtois & Qu instances ${instances.join(',')}: roster search, ${seconds} s each, penalty and gap to best known (independently re-evaluated)`,
  size: { instances: instances.length, secondsEach: seconds },
  metrics: {
    worstGapInstances1to8: worstGap18,
    meanGapInstances1to8: target.length ? target.reduce((t, x) => t + x.gap, 0) / target.length : null,
    allFeasible: rows.every((x) => x.hardViolations === 0),
    scoresAgree: rows.every((x) => Math.abs(x.penalty - x.independentPenalty) < 1e-6),
  },
  targets: {
    withinTenPercentOn1to8: {
      target: 'penalty within 10 % of best known on instances 1-8, 60 s each',
      met: worstGap18 !== null && worstGap18 <= 0.1 && seconds >= 60,
    },
  },
  details: rows,
});
