import type { LnsOptions } from './lns-options.js';
import type { CoreProblem } from './problem.js';
import type { RosterState } from './state.js';

/** Neighbourhood kinds the adaptive LNS chooses among. */
export const KINDS = ['days', 'agentRun', 'agentRandom', 'halfLong'] as const;
/**
 * Kinds outside the adaptive choice: agents who may work a short cell (fill), two weekends for
 * every agent, and repairing hard violations.
 */
export const SHORT_CELL = 4;
export const WEEKENDS = 5;
export const REPAIR = 6;
/** Counter slot of the merges, after the sub-MIP kinds. */
export const MERGE = 8;
/** Report names of the counter slots (days, run, random, long, short, weekends, repair, -, merge). */
export const KIND_NAMES = ['days', 'run', 'random', 'long', 'short', 'weekends', 'repair', '', 'merge'];

/** What one sub-MIP frees: agents (sorted) over days [fromDay, toDay), or only the days with `only[d] = 1`. */
export interface Neighbourhood {
  kind: number;
  agents: number[];
  fromDay: number;
  toDay: number;
  only?: Uint8Array;
}

/** What the choice reads: the problem, the current state, the options and the LNS's random stream. */
export interface ChoiceContext {
  problem: CoreProblem;
  state: RosterState;
  opts: LnsOptions;
  rng: () => number;
  /** Agents per move (`agentsPerMove`, at most all). */
  agentsPerMove: number;
  /** Days of each weekend, weekends in order. */
  weekendDays: number[][];
}

/** Days of each weekend that occurs in the horizon, in order. */
export function weekendDayLists(problem: CoreProblem): number[][] {
  const weekendDays: number[][] = [];
  for (let day = 0; day < problem.days; day++) {
    const weekend = problem.weekendOfDay[day]!;
    if (weekend >= 0) (weekendDays[weekend] ??= []).push(day);
  }
  for (let i = weekendDays.length - 1; i >= 0; i--) if (!weekendDays[i]) weekendDays.splice(i, 1);
  return weekendDays;
}

/**
 * The next neighbourhood: by adaptive weight or by the fixed shares; repair (agents breaking a
 * hard rule, whole horizon) whenever the roster is infeasible. The random draws are made in a
 * fixed order, so a seed gives the same sequence of moves.
 */
export function chooseNeighbourhood(ctx: ChoiceContext, weight: number[]): Neighbourhood {
  const { opts, rng } = ctx;
  let kind: number;
  if (opts.adaptive) {
    const total = weight.reduce((t, x) => t + x, 0);
    let draw = rng() * total;
    kind = 0;
    while (kind < KINDS.length - 1 && draw >= weight[kind]!) draw -= weight[kind++]!;
  } else
    kind = rng() < (opts.weekendShare ?? 0) ? WEEKENDS : rng() < (opts.dayWindowShare ?? 0.5) ? 0 : rng() < 0.5 ? 1 : 2;
  if (kind === WEEKENDS && ctx.weekendDays.length < 2) kind = 0;
  const chosen = new Set<number>();
  let window: Omit<Neighbourhood, 'agents'> = { kind, fromDay: 0, toDay: ctx.problem.days };
  if (ctx.state.hard > 1e-9) window = repairAgents(ctx, chosen);
  else if (ctx.state.short > 0 && (opts.shortCellShare ?? 0) > 0 && rng() < opts.shortCellShare!)
    window = shortCellAgents(ctx, chosen);
  else if (kind === WEEKENDS) window = weekendsForAll(ctx, chosen);
  else if (kind === 0 || kind === 3) window = dayWindow(ctx, kind, chosen);
  else if (kind === 1) agentRun(ctx, ctx.agentsPerMove, chosen);
  else randomAgents(ctx, ctx.agentsPerMove, chosen);
  return { ...window, agents: [...chosen].sort((a, b) => a - b) };
}

/** Repair first: agents breaking a hard rule, over the whole horizon (fixed days cannot fix them). */
function repairAgents(ctx: ChoiceContext, chosen: Set<number>): Omit<Neighbourhood, 'agents'> {
  const { rng, state, agentsPerMove } = ctx;
  const agentCount = ctx.problem.agents.length;
  const broken = Array.from({ length: agentCount }, (_, e) => e).filter((e) => state.agentHard[e]! > 1e-9);
  while (chosen.size < Math.min(agentsPerMove, broken.length)) chosen.add(broken[Math.floor(rng() * broken.length)]!);
  while (chosen.size < agentsPerMove) chosen.add(Math.floor(rng() * agentCount));
  return { kind: REPAIR, fromDay: 0, toDay: ctx.problem.days };
}

/**
 * Fill: a short cell drawn at random, and agents who may work it (drawn at random, as many as keep
 * the sub-MIP near `shortCellColumns` binaries, default 1,000), freed over the whole horizon: they
 * can give up other days to take it (a shift moves only when its agent's week is rebuilt around it,
 * under the weekly days, hours and days-off rules), and the other cells they leave are re-filled
 * among them. Topped up with random agents when few may work the cell.
 */
function shortCellAgents(ctx: ChoiceContext, chosen: Set<number>): Omit<Neighbourhood, 'agents'> {
  const { problem, state, rng, opts } = ctx;
  const short: number[] = [];
  problem.cells.forEach((cell, c) => {
    if (state.cover[c]! < cell.required) short.push(c);
  });
  const cell = short[Math.floor(rng() * short.length)]!;
  const able = problem.agents.flatMap((a, e) => (a.allowed[cell] ? [e] : []));
  const budget = opts.shortCellColumns ?? 1000;
  let columns = 0;
  while (able.length > 0) {
    const e = able.splice(Math.floor(rng() * able.length), 1)[0]!;
    const own = columnsOf(problem, e);
    if (chosen.size > 0 && columns + own > budget) break;
    chosen.add(e);
    columns += own;
  }
  while (chosen.size < Math.min(problem.agents.length, ctx.agentsPerMove))
    chosen.add(Math.floor(rng() * problem.agents.length));
  return { kind: SHORT_CELL, fromDay: 0, toDay: problem.days };
}

/** Cells agent `e` may work over the horizon: its binary columns in a whole-horizon sub-MIP. */
function columnsOf(problem: CoreProblem, e: number): number {
  const allowed = problem.agents[e]!.allowed;
  let n = 0;
  for (let c = 0; c < allowed.length; c++) n += allowed[c]!;
  return n;
}

/**
 * Every agent (or `weekendAgents`) over two or more weekends, each with the days before and after:
 * who works which weekend is decided jointly.
 */
function weekendsForAll(ctx: ChoiceContext, chosen: Set<number>): Omit<Neighbourhood, 'agents'> {
  const { problem, opts, rng, weekendDays } = ctx;
  const agentCount = problem.agents.length;
  // default: Thursday to Tuesday (pad 2) when two such weekends stay near 900 binaries, else Friday to Monday
  const pad = opts.weekendPad ?? (agentCount * 12 * problem.types <= 1080 ? 2 : 1);
  const picked = new Set<number>();
  // default: as many weekends as keep the sub-MIP near 900 binary columns, at least two
  const perWeekend = agentCount * (2 + 2 * pad) * problem.types;
  // (or three when two already pass 900 and three stay within 1440: Curtois & Qu 8, where three
  // gave 1362, 1357, 1366 in 60 s against 1437-1463 with two)
  const fit = Math.floor(900 / perWeekend);
  const howMany = Math.min(
    weekendDays.length,
    opts.weekendsPerMove ?? (fit >= 2 ? fit : 3 * perWeekend <= 1440 ? 3 : 2),
  );
  while (picked.size < howMany) picked.add(Math.floor(rng() * weekendDays.length));
  const only = new Uint8Array(problem.days);
  for (const weekend of picked)
    for (const day of weekendDays[weekend]!)
      for (let padded = day - pad; padded <= day + pad; padded++)
        if (padded >= 0 && padded < problem.days) only[padded] = 1;
  // default: every agent, or on large instances as many (at least half) as keep it near 1000 binaries
  const freeDays = only.reduce((t, x) => t + x, 0);
  const many = Math.min(
    agentCount,
    opts.weekendAgents ?? Math.max(Math.ceil(agentCount / 2), Math.floor(1000 / (freeDays * problem.types))),
  );
  randomAgents(ctx, many, chosen);
  return { kind: WEEKENDS, fromDay: only.indexOf(1), toDay: only.lastIndexOf(1) + 1, only };
}

/**
 * A window of `windowDays` (doubled for `halfLong`) over `agentsPerWindow` agents in a run, or half of them at
 * random.
 */
function dayWindow(ctx: ChoiceContext, kind: number, chosen: Set<number>): Omit<Neighbourhood, 'agents'> {
  const { problem, opts, rng } = ctx;
  const agentCount = problem.agents.length;
  const [shortest, longest] = Array.isArray(opts.windowDays)
    ? opts.windowDays
    : [opts.windowDays ?? 7, opts.windowDays ?? 7];
  const halfLong = kind === 3;
  const [lo, hi] = halfLong ? [2 * shortest, 2 * longest] : [shortest, longest];
  const length = Math.min(problem.days, lo + Math.floor(rng() * (hi - lo + 1)));
  const fromDay = Math.floor(rng() * (problem.days - length + 1));
  const many = halfLong
    ? Math.max(1, Math.ceil(agentCount / 2))
    : Math.min(agentCount, opts.agentsPerWindow ?? agentCount);
  if (halfLong) randomAgents(ctx, many, chosen);
  else agentRun(ctx, many, chosen);
  return { kind, fromDay, toDay: fromDay + length };
}

/** `many` agents in index order from a random first one (wrapping). */
function agentRun(ctx: ChoiceContext, many: number, chosen: Set<number>): void {
  const agentCount = ctx.problem.agents.length;
  const first = Math.floor(ctx.rng() * agentCount);
  for (let i = 0; chosen.size < many; i++) chosen.add((first + i) % agentCount);
}

/** Random agents until `chosen` holds `many`. */
function randomAgents(ctx: ChoiceContext, many: number, chosen: Set<number>): void {
  const agentCount = ctx.problem.agents.length;
  while (chosen.size < many) chosen.add(Math.floor(ctx.rng() * agentCount));
}
