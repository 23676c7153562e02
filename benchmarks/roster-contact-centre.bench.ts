/**
 * Issue 5 and 13, contact-centre week: agents with mixed full-time, part-time and flexible
 * contracts, restricted availability, time off, preferences and retraining flags, rostered on a
 * shift plan built by the shift-plan core for a two-peak week (Erlang C, 80 % in 20 s, AHT 300 s).
 * The plan's own solve time is not part of the roster's.
 *
 * Main run: ~500 agents (volume x ROSTER_CC_SCALE, default 4), time limit ROSTER_CC_SECONDS
 * (default 50). Target: zero hard violations (independent checker) in under 60 s.
 * Comparison (issue 13): a week half that size (x ROSTER_CC_SMALL_SCALE, default 2; as many agents
 * as the plan needs plus 20; at most 5 days in a row), 10 s each (the CLI's default), with the
 * exact assignment (HiGHS, then sub-MIPs on the soft rules) and with the local search alone, for
 * seeds 1-3 and for the soft weights x0.5, x2 and `coverUnder: 200`. Target: the exact method
 * fills the same number of shifts with 0 hard violations in every run. ROSTER_CC_SKIP_MAIN=1 runs
 * only the comparison.
 */
import { loadSolver } from '../src/scheduler/mip/highs.js';
import type { RuleKey } from '../src/scheduler/roster/problem.js';
import { rosterPlan } from '../src/scheduler/roster/roster.js';
import type { RosterRules } from '../src/scheduler/roster/types.js';
import { checkPulls, checkRoster } from '../src/scheduler/rules-check/index.js';
import type { Highs } from '../src/scheduler/mip/solve.js';
import { nowMs, writeResult } from './lib/report.js';
import { contactCentreRosterCase, type RosterCase } from './lib/contact-centre-roster.js';

const SCALE = Number(process.env.ROSTER_CC_SCALE ?? 4.0);
const SECONDS = Number(process.env.ROSTER_CC_SECONDS ?? 50);
const SMALL_SCALE = Number(process.env.ROSTER_CC_SMALL_SCALE ?? 2.0);
const SMALL_SECONDS = Number(process.env.ROSTER_CC_SMALL_SECONDS ?? 10);
const SOFT_RULES: RuleKey[] = [
  'coverUnder',
  'coverOver',
  'preference',
  'startTimeSpread',
  'fairnessWeekend',
  'fairnessLate',
];
const DEFAULT_SOFT_WEIGHTS: Partial<Record<RuleKey, number>> = {
  coverUnder: 100,
  coverOver: 1,
  preference: 1,
  startTimeSpread: 0.1,
  fairnessWeekend: 1,
  fairnessLate: 1,
};

const highs = await loadSolver();

/** One roster of the case, checked by the independent rule checker. */
function runOne(c: RosterCase, opts: { highs?: Highs; seed: number; seconds: number; rules?: RosterRules }) {
  const t0 = nowMs();
  const rules = opts.rules ?? c.rules;
  const roster = rosterPlan(c.plan, c.agents, rules, {
    seed: opts.seed,
    timeLimitMs: opts.seconds * 1000,
    maxIterations: Number.MAX_SAFE_INTEGER,
    now: nowMs,
    load: { volume: c.requirement.volume ?? [], ahtSeconds: c.requirement.ahtSeconds ?? [] },
    ...(c.serviceLevel ? { serviceLevel: c.serviceLevel } : {}),
    ...(opts.highs ? { highs: opts.highs } : {}),
  });
  return { roster, ms: nowMs() - t0, violations: checkRoster(roster, c.agents, rules) };
}

/** The case's rules with every soft weight times `k` (and `coverUnder` set when given). */
function weighted(rules: RosterRules, k: number, coverUnder?: number): RosterRules {
  const settings = { ...rules.settings };
  for (const key of SOFT_RULES) settings[key] = { ...settings[key], weight: (DEFAULT_SOFT_WEIGHTS[key] ?? 1) * k };
  if (coverUnder !== undefined) settings.coverUnder = { ...settings.coverUnder, weight: coverUnder };
  return { ...rules, settings };
}

function comparison(): { rows: Record<string, unknown>[]; met: boolean; size: Record<string, number> } {
  const c = contactCentreRosterCase(highs, SMALL_SCALE, 0, 5);
  const variants: { name: string; seed: number; rules: RosterRules }[] = [
    { name: 'seed 1', seed: 1, rules: c.rules },
    { name: 'seed 2', seed: 2, rules: c.rules },
    { name: 'seed 3', seed: 3, rules: c.rules },
    { name: 'soft x0.5', seed: 1, rules: weighted(c.rules, 0.5) },
    { name: 'soft x2', seed: 1, rules: weighted(c.rules, 2) },
    { name: 'coverUnder 200', seed: 1, rules: weighted(c.rules, 1, 200) },
  ];
  const rows: Record<string, unknown>[] = [];
  for (const method of ['mip', 'search'] as const) {
    for (const v of variants) {
      const run = runOne(c, {
        seed: v.seed,
        seconds: SMALL_SECONDS,
        rules: v.rules,
        ...(method === 'mip' ? { highs } : {}),
      });
      const row = {
        method,
        variant: v.name,
        ran: run.roster.search.method,
        filled: run.roster.quality.shiftsFilled,
        required: run.roster.quality.shiftsRequired,
        hardViolations: run.violations.length,
        seconds: Math.round(run.ms) / 1000,
        soft: Math.round(run.roster.score.soft),
        worstSl: run.roster.quality.serviceLevel?.worst ?? null,
      };
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  const exact = rows.filter((r) => r.method === 'mip');
  const met = exact.every((r) => r.hardViolations === 0 && r.filled === exact[0]!.filled && r.ran === 'mip');
  return {
    rows,
    met,
    size: { agents: c.agents.length, planShifts: c.planShiftCount, fullTime: c.fullTime, partTime: c.partTime },
  };
}

const compared = comparison();
const exactRows = compared.rows.filter((r) => r.method === 'mip');
const searchRows = compared.rows.filter((r) => r.method === 'search');
const range = (rows: Record<string, unknown>[], key: string) => {
  const xs = rows.map((r) => Number(r[key]));
  return `${Math.min(...xs)}-${Math.max(...xs)}`;
};
const comparisonMetrics = {
  smallAgents: compared.size.agents!,
  smallPlanShifts: compared.size.planShifts!,
  smallExactFilled: range(exactRows, 'filled'),
  smallExactHard: range(exactRows, 'hardViolations'),
  smallExactSeconds: range(exactRows, 'seconds'),
  smallSearchFilled: range(searchRows, 'filled'),
  smallSearchHard: range(searchRows, 'hardViolations'),
};

if (process.env.ROSTER_CC_SKIP_MAIN === '1') {
  writeResult({
    name: 'roster-contact-centre-small',
    description: `Contact-centre week (x${SMALL_SCALE}), ${compared.size.agents} agents, ${compared.size.planShifts} plan shifts, ${SMALL_SECONDS} s: exact assignment vs local search, seeds 1-3, soft weights x0.5 / x2 / coverUnder 200`,
    size: compared.size,
    metrics: comparisonMetrics,
    targets: {
      sameFillZeroHard: {
        target: 'exact: same filled count and 0 hard violations for every seed and weight',
        met: compared.met,
      },
    },
    details: { comparison: compared.rows },
  });
  process.exit(0);
}

const c = contactCentreRosterCase(highs, SCALE, 500, 6);
const { roster, ms: rosterMs, violations } = runOne(c, { highs, seed: 1, seconds: SECONDS });
const pullViolations = checkPulls(roster, c.agents);
const flagged = c.agents.filter((a) => a.retrainingHoursNeeded > 0);
writeResult({
  name: 'roster-contact-centre',
  description: `Contact-centre week, ${c.agents.length} agents (${c.fullTime} full-time, ${c.partTime} part-time, rest flexible; ${flagged.length} flagged), on a shift-plan-core plan; roster time limit ${SECONDS} s (method: ${roster.search.method}); comparison on a week of ${compared.size.agents} agents, ${SMALL_SECONDS} s`,
  size: {
    agents: c.agents.length,
    planShifts: c.planShiftCount,
    slots: c.requirement.required.length,
    sessions: c.plan.retraining.length,
    flagged: flagged.length,
  },
  metrics: {
    rosterSeconds: Math.round(rosterMs) / 1000,
    planSeconds: Math.round(c.planMs) / 1000,
    hardViolations: violations.length,
    pullViolations: pullViolations.length,
    solverHardScore: roster.score.hard,
    shiftsRequired: roster.quality.shiftsRequired,
    shiftsFilled: roster.quality.shiftsFilled,
    extraShifts: roster.quality.extraShifts,
    unfilledShifts: roster.unfilledShifts.length,
    method: roster.search.method ?? 'search',
    ...comparisonMetrics,
    planUnderAgentIntervals: roster.quality.planUnderAgentIntervals,
    rosterUnderAgentIntervals: roster.quality.rosterUnderAgentIntervals,
    coverageLossAgentIntervals: roster.quality.coverageLossAgentIntervals,
    planServiceLevel: c.plan.quality.serviceLevel?.volumeWeighted ?? null,
    rosterServiceLevel: roster.quality.serviceLevel?.volumeWeighted ?? null,
    retrainingSeatsFilled: roster.retraining.sessions.reduce((t, s) => t + s.retraining.length, 0),
    coachingSeatsFilled: roster.retraining.sessions.reduce((t, s) => t + s.coaching.length, 0),
    flaggedHoursOutstandingEndOfWeek: roster.retraining.days.at(-1)?.flaggedHoursOutstanding ?? null,
    iterations: roster.search.iterations,
  },
  targets: {
    zeroHardViolationsUnder60s: {
      target: 'zero hard violations (independent checker) in under 60 s',
      met: violations.length === 0 && rosterMs < 60_000,
    },
    sameFillZeroHard: {
      target:
        'exact: same filled count and 0 hard violations for seeds 1-3 and soft weights x0.5 / x2 / coverUnder 200',
      met: compared.met,
    },
  },
  details: {
    comparison: compared.rows,
    unfilled: roster.unfilledShifts.slice(0, 20),
    violations: violations.slice(0, 20),
    scoreByRule: roster.score.byRule,
  },
});
