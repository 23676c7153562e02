/**
 * The shortfall of a plan made for named agents (docs/shift-plan.md, "Shortfall"): the runs of
 * short intervals, each with the agents required, the agents who can work then at all, and why the
 * others cannot (templates, days, windows, time off), named before any roster is tried.
 */
import { formatClockMinutes, formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { CandidateShift } from './candidates.js';
import { coveredSlots } from './model-parts.js';
import type { ShiftPlanRules } from './rules.js';
import { refusal, type ShiftOnClock, type SupplyAgent } from './supply-agents.js';
import type { SupplyBound } from './supply-bound.js';
import { shiftOnClock, type SupplyTable } from './supply-groups.js';
import type { CoverageInterval, ShortfallInterval, ShortfallReason } from './types.js';

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const STAGES = ['template', 'day', 'window', 'time-off'] as const;
type Stage = (typeof STAGES)[number];
const MAX_REASONS = 3;

interface SlotSupply {
  /** available[s]: agents who may work some candidate shift covering slot s. */
  available: Int32Array;
  /** available[s] capped by the templates' `maxAgentsPerDay` (a bound on agents on shift at s). */
  capped: Int32Array;
  /** perTemplate[t][s]: agents who may work some shift of template t covering slot s. */
  perTemplate: Int32Array[];
  /** The candidates covering each slot (every template's, workable or not). */
  coveringOf: number[][];
  clocks: ShiftOnClock[];
}

/** Agents available per slot. O(agents x candidates x span). */
function slotSupply(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  candidates: readonly CandidateShift[],
  table: SupplyTable,
): SlotSupply {
  const n = grid.slotCount;
  const clocks = candidates.map((c) => shiftOnClock(grid, rules, c));
  const coveringOf: number[][] = Array.from({ length: n }, () => []);
  candidates.forEach((c, ci) => {
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, rules.cyclic)) (coveringOf[s] as number[]).push(ci);
  });
  const available = new Int32Array(n);
  const perTemplate = rules.templates.map(() => new Int32Array(n));
  const mark = new Uint8Array(n);
  const markT = rules.templates.map(() => new Uint8Array(n));
  for (const group of table.groups) {
    for (const a of group.agents) {
      mark.fill(0);
      markT.forEach((m) => m.fill(0));
      candidates.forEach((c, ci) => {
        if (!table.able.get(c) || refusal(a, clocks[ci] as ShiftOnClock) !== null) return;
        for (const s of coveredSlots(c.startSlot, c.spanSlots, n, rules.cyclic)) {
          mark[s] = 1;
          (markT[c.template] as Uint8Array)[s] = 1;
        }
      });
      for (let s = 0; s < n; s++) {
        available[s]! += mark[s] as number;
        markT.forEach((m, t) => ((perTemplate[t] as Int32Array)[s]! += m[s] as number));
      }
    }
  }
  const capped = Int32Array.from(available, (count, s) => {
    let bound = 0;
    rules.templates.forEach(
      (t, ti) => (bound += Math.min((perTemplate[ti] as Int32Array)[s] as number, t.maxAgentsPerDay ?? Infinity)),
    );
    return Math.min(count, bound);
  });
  return { available, capped, perTemplate, coveringOf, clocks };
}

/** Why `agent` cannot work at slot `s`: the furthest check any covering shift gets to, with a detail. */
function whyNot(agent: SupplyAgent, supply: SlotSupply, grid: SlotGrid, s: number): string {
  let stage = -1;
  for (const ci of supply.coveringOf[s] as number[]) {
    const r = refusal(agent, supply.clocks[ci] as ShiftOnClock);
    stage = Math.max(stage, r === null ? STAGES.length : STAGES.indexOf(r as Stage));
  }
  const weekday = (grid.days[grid.dayOfSlot[s] as number] as { weekday: number }).weekday;
  const minute = grid.minuteOfDay[s] as number;
  if (stage <= 0) return 'may work no template covering then';
  if (stage === 1) return `do not work ${DAY_NAMES[weekday]}`;
  if (stage === 2) {
    const windows = (agent.availability.windows ?? []).filter((w) => !w.days || w.days.includes(weekday));
    if (windows.length === 0) return `have no window on ${DAY_NAMES[weekday]}`;
    const lastEnd = Math.max(...windows.map((w) => w.toMinute));
    const firstStart = Math.min(...windows.map((w) => w.fromMinute));
    if (lastEnd <= minute + grid.intervalMinutes) return `windows end at ${formatClockMinutes(lastEnd)}`;
    if (firstStart > minute) return `windows start at ${formatClockMinutes(firstStart)}`;
    return 'windows fit no shift covering then';
  }
  if (stage === 3) return 'are on time off';
  return 'are needed elsewhere';
}

/** The reasons at slot `s`, by group label and cause, most agents first. */
function reasonsAt(table: SupplyTable, supply: SlotSupply, grid: SlotGrid, s: number): ShortfallReason[] {
  const buckets = new Map<string, ShortfallReason>();
  const covering = supply.coveringOf[s] as number[];
  for (const group of table.groups) {
    for (const a of group.agents) {
      const free = covering.some((ci) => refusal(a, supply.clocks[ci] as ShiftOnClock) === null);
      if (free) continue;
      const detail = whyNot(a, supply, grid, s);
      const key = `${group.label}\u0000${detail}`;
      const bucket = buckets.get(key) ?? { agents: 0, group: group.label, detail };
      bucket.agents++;
      buckets.set(key, bucket);
    }
  }
  return [...buckets.values()].sort((x, y) => y.agents - x.agents || x.group.localeCompare(y.group));
}

/**
 * The runs of short intervals of a plan for named agents. A run is consecutive short slots of one
 * local day with one cause: 'too-few-agents' (fewer can work then than are required),
 * 'template-limits' (the templates' `maxAgentsPerDay` allow fewer on shift than required),
 * 'weekly-limits' (enough could, but their weekly days and hours leave it short) or
 * 'coverage-penalty' (soft cover: the plan leaves more short over the horizon than the agents must,
 * by `bound`, and more in this run than the bound's solution: the penalty is cheaper than the
 * shifts that would cover it). `bound`: the supply bound (`supplyBound`), null when unknown.
 */
export function findShortfall(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  candidates: readonly CandidateShift[],
  table: SupplyTable,
  coverage: readonly CoverageInterval[],
  bound: () => SupplyBound | null = () => null,
): ShortfallInterval[] {
  if (!coverage.some((c) => c.under > 0)) return [];
  const supply = slotSupply(grid, rules, candidates, table);
  const out: ShortfallInterval[] = [];
  let run: { from: number; to: number; cause: ShortfallInterval['cause'] } | null = null;
  const flush = () => {
    if (run) out.push(describeRun(grid, rules, table, supply, coverage, run, bound));
    run = null;
  };
  for (let s = 0; s < grid.slotCount; s++) {
    const c = coverage[s] as CoverageInterval;
    if (c.under <= 0) {
      flush();
      continue;
    }
    const cause =
      c.required > (supply.available[s] as number)
        ? 'too-few-agents'
        : c.required > (supply.capped[s] as number)
          ? 'template-limits'
          : 'weekly-limits';
    if (run && run.cause === cause && run.to === s && grid.dayOfSlot[s] === grid.dayOfSlot[run.from]) run.to = s + 1;
    else {
      flush();
      run = { from: s, to: s + 1, cause };
    }
  }
  flush();
  return out;
}

/**
 * Weekly limits or the coverage penalty, by the supply bound: with soft cover, a plan short by more
 * over the horizon than any plan for these agents must be (the bound rounded up), and short here
 * by more than the bound's solution, is short here by the penalty's choice. Otherwise the weekly
 * days and hours (with hard cover the plan's shortage penalty, 1000, outweighs any shift). Without a
 * bound the sentence names both.
 */
function weeklyOrPenalty(
  rules: ShiftPlanRules,
  run: { from: number; to: number },
  under: number,
  planUnder: number,
  bound: SupplyBound | null,
): { cause: ShortfallInterval['cause']; text: string } {
  if (bound === null)
    return {
      cause: 'weekly-limits',
      text: `but their weekly days and hours (or the coverage penalty) leave ${under} agent-intervals short`,
    };
  const least = Math.ceil(bound.total - 1e-6);
  let here = 0;
  for (let s = run.from; s < run.to; s++) here += bound.perSlot[s] ?? 0;
  const hereLeast = Math.ceil(here - 1e-6);
  if (rules.coverage.mode === 'soft' && planUnder > least && under > hereLeast)
    return {
      cause: 'coverage-penalty',
      text:
        `and they could cover all but ${hereLeast} of the ${under} agent-intervals the plan leaves short here ` +
        `(${least} over the horizon against the plan's ${planUnder}), but the coverage penalty ` +
        `(${rules.coverage.underPenaltyPerAgentInterval} per agent-interval) costs less than the shifts that would`,
    };
  return {
    cause: 'weekly-limits',
    text:
      `but their weekly days and hours leave ${under} agent-intervals short ` +
      `(no plan for these agents leaves fewer than ${least} short over the horizon; this plan ${planUnder})`,
  };
}

/** The local day of slots [from, to) and their label, e.g. "Thu 18:00-20:00". */
export function runLabel(
  grid: SlotGrid,
  from: number,
  to: number,
): { day: { date: string; weekday: number }; when: string } {
  const day = grid.days[grid.dayOfSlot[from] as number] as { date: string; weekday: number };
  const endMinute = (grid.minuteOfDay[to - 1] as number) + grid.intervalMinutes;
  const when = `${DAY_NAMES[day.weekday]} ${formatClockMinutes(grid.minuteOfDay[from] as number)}-${formatClockMinutes(endMinute)}`;
  return { day, when };
}

function describeRun(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  table: SupplyTable,
  supply: SlotSupply,
  coverage: readonly CoverageInterval[],
  run: { from: number; to: number; cause: ShortfallInterval['cause'] },
  bound: () => SupplyBound | null,
): ShortfallInterval {
  let required = 0;
  let available = Infinity;
  let capped = Infinity;
  let onPhone = Infinity;
  let under = 0;
  let binding = run.from;
  for (let s = run.from; s < run.to; s++) {
    const c = coverage[s] as CoverageInterval;
    required = Math.max(required, c.required);
    onPhone = Math.min(onPhone, c.onPhone);
    under += c.under;
    capped = Math.min(capped, supply.capped[s] as number);
    if ((supply.available[s] as number) < available) {
      available = supply.available[s] as number;
      binding = s;
    }
  }
  const { day, when } = runLabel(grid, run.from, run.to);
  const reasons = reasonsAt(table, supply, grid, binding).slice(0, MAX_REASONS);
  const why = reasons.map((r) => `${r.agents} ${r.group}: ${r.detail}`).join('; ');
  const limits = rules.templates
    .filter(
      (t, ti) => t.maxAgentsPerDay !== undefined && ((supply.perTemplate[ti] as Int32Array)[binding] as number) > 0,
    )
    .map((t) => `'${t.name}' at most ${t.maxAgentsPerDay} a day`)
    .join(', ');
  const planUnder = coverage.reduce((t, c) => t + c.under, 0);
  const weekly = run.cause === 'weekly-limits' ? weeklyOrPenalty(rules, run, under, planUnder, bound()) : null;
  const cause = weekly?.cause ?? run.cause;
  const message =
    run.cause === 'too-few-agents'
      ? `${when}: ${required} agents required, ${available} can work then${why ? ` (${why})` : ''}.`
      : run.cause === 'template-limits'
        ? `${when}: ${required} agents required, ${available} can work then, but the templates' daily limits ` +
          `allow at most ${capped} on shift (${limits}).`
        : `${when}: ${required} agents required, ${available} can work then, ${weekly?.text ?? ''}.`;
  return {
    day: day.date,
    weekday: day.weekday,
    start: formatSlot(grid, run.from),
    end: formatSlot(grid, run.to),
    startSlot: run.from,
    endSlot: run.to,
    required,
    available,
    onShiftBound: capped,
    onPhone,
    underAgentIntervals: under,
    cause,
    reasons,
    message,
  };
}
