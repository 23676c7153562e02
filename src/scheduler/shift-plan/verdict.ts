/**
 * The verdict: whether a plan or roster meets everything it was asked to, said first (docs/semantics.md,
 * "Verdict"). A plan or roster is "met" only when every hard rule holds, every plan shift is filled and
 * every open interval reaches the service target; anything else "falls short", and the verdict names
 * what and where. The CLI prints `line` first and exits 3 when `met` is false; the API result,
 * summary.json, the report and the page carry the same object.
 */
import type { StaffingTargets } from '../../erlang/types.js';
import { formatLocalLabel } from '../../time/instant.js';
import type { CoverageInterval, ShiftPlan } from './types.js';
import { queueShortfalls } from './skill-report.js';
import type { Verdict, VerdictRuleBreach, VerdictServiceLevel } from './verdict-types.js';

export type { Verdict, VerdictRuleBreach, VerdictServiceLevel } from './verdict-types.js';

/** Parts of a verdict, as a roster or plan knows them. */
export interface VerdictParts {
  shifts: Verdict['shifts'];
  hardRules: Verdict['hardRules'];
  coverage: readonly Pick<CoverageInterval, 'start' | 'under' | 'serviceLevel' | 'volume'>[];
  targets: StaffingTargets | undefined;
  timeZone: string;
  /** Extra shortfalls found by the caller (e.g. uncoverable intervals), in words. */
  extra?: string[];
  /**
   * The service level judged by the caller instead of from `coverage` (a multi-queue plan judges
   * each queue by simulation): the figures, and the shortfalls in words.
   */
  judged?: { serviceLevel: VerdictServiceLevel; shortfalls: string[] };
  /**
   * The words for full coverage without a service level, where the caller knows better than "no
   * volume, AHT or target" (a plan of several queues, each at its own target, judged per queue).
   */
  coveredWords?: string;
}

const SL_TOLERANCE = 1e-9;

/** The service-level part of a verdict, from per-interval coverage. O(intervals). */
export function serviceLevelVerdict(
  coverage: VerdictParts['coverage'],
  targets: StaffingTargets | undefined,
): VerdictServiceLevel {
  const target = targets?.serviceLevel ?? null;
  let weighted = 0;
  let volume = 0;
  let worst: number | null = null;
  let worstStart: string | null = null;
  let below = 0;
  let underIntervals = 0;
  let short = 0;
  for (const c of coverage) {
    if (c.under > 0) {
      underIntervals += 1;
      short += c.under;
    }
    const v = c.volume ?? 0;
    if (c.serviceLevel === null || !(v > 0)) continue;
    weighted += v * c.serviceLevel;
    volume += v;
    if (worst === null || c.serviceLevel < worst) {
      worst = c.serviceLevel;
      worstStart = c.start;
    }
    if (target !== null && c.serviceLevel < target - SL_TOLERANCE) below += 1;
  }
  return {
    target,
    answerSeconds: targets?.answerSeconds ?? null,
    volumeWeighted: volume > 0 ? weighted / volume : null,
    worst,
    worstStart,
    intervalsBelowTarget: below,
    intervalsUnderCovered: underIntervals,
    agentIntervalsShort: short,
  };
}

/**
 * Builds the verdict from its parts. The service target is judged per interval when the run could
 * re-compute the service level (a target, volume and AHT); otherwise coverage stands in for it: an
 * interval with fewer agents on the phones than required falls short.
 */
export function buildVerdict(parts: VerdictParts): Verdict {
  const sl = parts.judged?.serviceLevel ?? serviceLevelVerdict(parts.coverage, parts.targets);
  const shortfalls: string[] = [];
  const { shifts, hardRules } = parts;
  if (hardRules && !hardRules.met) shortfalls.push(`hard rules broken: ${breachesText(hardRules.breaches)}`);
  if (shifts && shifts.unfilled > 0) shortfalls.push(`${shifts.unfilled} of ${shifts.required} plan shifts unfilled`);
  if (!parts.judged) shortfalls.push(...coverageShortfall(sl, parts.timeZone));
  // A caller's judgement is named after the extras (a queue's whole week below target before its intervals).
  shortfalls.push(...(parts.extra ?? []), ...(parts.judged?.shortfalls ?? []));
  const met = shortfalls.length === 0;
  return { met, line: verdictLine(met, parts, sl), shifts, hardRules, serviceLevel: sl, shortfalls };
}

/** The service-level shortfall judged from coverage: intervals below target, or under-covered without a target. */
function coverageShortfall(sl: VerdictServiceLevel, timeZone: string): string[] {
  const judgedBySl = sl.target !== null && sl.worst !== null;
  if (judgedBySl && sl.intervalsBelowTarget > 0)
    return [
      `${sl.intervalsBelowTarget} intervals below the ${pct(sl.target)} target, worst ${pct(sl.worst)} ` +
        `at ${clock(sl.worstStart, timeZone)}`,
    ];
  if (!judgedBySl && sl.intervalsUnderCovered > 0)
    return [
      `${sl.intervalsUnderCovered} intervals under-covered (${round1(sl.agentIntervalsShort)} agent-intervals short)`,
    ];
  return [];
}

/**
 * The verdict of a shift plan alone: coverage and the service target (no named agents yet), and the
 * caller's `judged` shortfalls in words (a multi-queue plan's simulation check).
 */
export function planVerdict(plan: ShiftPlan, judged: readonly string[] = []): Verdict {
  const extra = plan.uncoverable.length
    ? [`${plan.uncoverable.length} intervals no template can cover (first: ${plan.uncoverable[0]!.reason})`]
    : [];
  const short = plan.shortfall ?? [];
  if (short.length > 0)
    extra.push(
      `the agents fall short in ${short.length} run${short.length === 1 ? '' : 's'} of intervals (first: ${short[0]!.message})`,
    );
  const queues = plan.queueCoverage ? queueShortfalls(plan.queueCoverage) : [];
  extra.push(...queues, ...judged);
  return buildVerdict({
    shifts: null,
    hardRules: null,
    coverage: plan.coverage,
    targets: plan.queue?.targets,
    timeZone: plan.grid.timeZone,
    extra,
    // Several queues at their own targets: the summed requirement has none, each queue is judged alone.
    ...(plan.queueCoverage
      ? {
          coveredWords:
            queues.length === 0 ? 'every queue covered at its own requirement' : 'every interval covered in total',
        }
      : {}),
  });
}

function verdictLine(met: boolean, parts: VerdictParts, sl: VerdictServiceLevel): string {
  const bits: string[] = [];
  if (parts.shifts) bits.push(`${parts.shifts.filled}/${parts.shifts.required} shifts filled`);
  if (parts.hardRules)
    bits.push(
      parts.hardRules.met ? 'every hard rule met' : `hard rules broken: ${breachesText(parts.hardRules.breaches)}`,
    );
  if (sl.worst !== null) {
    const by = sl.judgedBy ? `, by ${sl.judgedBy}` : '';
    const target = sl.target !== null ? ` (target ${pct(sl.target)} in ${sl.answerSeconds ?? '?'} s${by})` : '';
    const queue = sl.worstQueue !== undefined ? ` on ${sl.worstQueue}` : '';
    bits.push(`worst interval SL ${pct(sl.worst)}${queue} at ${clock(sl.worstStart, parts.timeZone)}${target}`);
    if (sl.intervalsBelowTarget > 0) bits.push(`${sl.intervalsBelowTarget} intervals below target`);
  } else {
    bits.push(
      sl.intervalsUnderCovered > 0
        ? `${sl.intervalsUnderCovered} intervals under-covered`
        : (parts.coveredWords ??
            'every interval covered (no service level: the requirement has no volume, AHT or target)'),
    );
  }
  for (const e of parts.extra ?? []) bits.push(e);
  return `${met ? 'met' : 'falls short'}: ${bits.join('; ')}`;
}

/** "rest between shifts: 2 agents, 3.5 h of rest short, ..." */
export function breachesText(breaches: readonly VerdictRuleBreach[]): string {
  return breaches
    .map((b) => `${b.label}: ${b.agents > 0 ? `${b.agents} agent${b.agents === 1 ? '' : 's'}, ` : ''}${amountText(b)}`)
    .join(', ');
}

/** A fraction as people read it: "80.0 %" ("n/a" for null). */
export function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(Math.round(x * 1000) / 10).toFixed(1)} %`;
}

/** "2.5 h of rest short"; a count of times reads "once", "3 times". */
function amountText(b: VerdictRuleBreach): string {
  const x = round1(b.amount);
  if (b.unit === 'times') return x === 1 ? 'once' : `${x} times`;
  return `${x} ${b.unit}`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** "Thu 04/06 18:00" in the plan's zone, from an ISO instant with offset. */
export function clock(iso: string | null, timeZone: string): string {
  if (!iso) return '?';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatLocalLabel(ms, timeZone) : iso;
}
