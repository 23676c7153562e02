import { FreedAgent } from './sub-mip-freed-agent.js';
import { scaleLin, sumLin, type Lin, type SubMipModel } from './sub-mip-model.js';
import { addWeekRows } from './sub-mip-week-rows.js';

/**
 * Every hard rule of one freed agent as rows (the sub-MIP's feasibility is the agent's): one shift
 * a day, successions and rest, per-type limits, contract windows, runs of work and of days off,
 * weekends, and the per-week rules (two days off in a row, weekends off every other week, start
 * spread when hard). `position` is the agent's index in `model.agents`.
 */
export function addAgentRuleRows(model: SubMipModel, position: number): void {
  const freed = new FreedAgent(model, model.agents[position]!, model.workCols[position]!);
  for (let day = model.fromDay; day < model.toDay; day++)
    if (freed.dayCols[day]!.length > 1) model.addRow(-Infinity, 1, freed.worked(day));
  addSuccessionRows(freed);
  addContractRows(freed);
  addRunRows(freed);
  addWeekendRows(freed);
  addWeekRows(freed);
}

/** Forbidden successions and rest, including across the window's edges. */
function addSuccessionRows(freed: FreedAgent): void {
  const { model } = freed;
  const p = model.problem;
  for (let day = Math.max(0, model.fromDay - 1); day < Math.min(p.days - 1, model.toDay); day++) {
    const left = freed.choices(day);
    const right = freed.choices(day + 1);
    if (p.forbiddenFollow) addForbiddenPairs(freed, left, right, p.forbiddenFollow);
    if (p.minRestMinutes > 0) addRestCliques(freed, left, right);
  }
}

/** A row `sum of the choices' columns <= 1`, a fixed choice (column -1) counting as the constant 1. */
function atMostOne(freed: FreedAgent, choices: [number, number][]): void {
  const terms: [number, number][] = [];
  let constant = 0;
  for (const [col] of choices) {
    if (col >= 0) terms.push([col, 1]);
    else constant++;
  }
  freed.model.addRow(-Infinity, 1, { terms, constant });
}

/** One row per forbidden pair of shift types on consecutive days. */
function addForbiddenPairs(
  freed: FreedAgent,
  left: [number, number][],
  right: [number, number][],
  forbiddenFollow: Uint8Array,
): void {
  const p = freed.model.problem;
  for (const first of left)
    for (const second of right)
      if (forbiddenFollow[p.cells[first[1]]!.type * p.types + p.cells[second[1]]!.type])
        atMostOne(freed, [first, second]);
}

/**
 * Rest as cliques: for each end time T of a shift on the first day, the shifts ending at or after T
 * and the next day's shifts starting before T + rest conflict pairwise (and each day holds one
 * shift), so at most one of them is worked. Tighter than one row per pair, and fewer rows.
 */
function addRestCliques(freed: FreedAgent, left: [number, number][], right: [number, number][]): void {
  const p = freed.model.problem;
  const rest = p.minRestMinutes;
  const ends = [...new Set(left.map(([, c]) => p.cells[c]!.endMinute))].sort((a, b) => a - b);
  let previousRight = 0;
  // ascending T: the first shifts shrink, the next day's grow; an unchanged next-day set is dominated
  for (const end of ends) {
    const late = right.filter(([, c]) => p.cells[c]!.startMinute - end < rest);
    if (late.length === 0 || late.length === previousRight) continue;
    previousRight = late.length;
    atMostOne(freed, [...left.filter(([, c]) => p.cells[c]!.endMinute >= end), ...late]);
  }
}

/** Shifts per type over the horizon; paid minutes and days in each contract window the sub-MIP touches. */
function addContractRows(freed: FreedAgent): void {
  const { model } = freed;
  const p = model.problem;
  const agent = p.agents[freed.agent]!;
  for (let t = 0; t < p.types; t++) {
    const limit = agent.maxPerType[t] ?? Infinity;
    if (Number.isFinite(limit))
      model.addRow(
        -Infinity,
        limit,
        freed.weighted(0, p.days, (c) => (p.cells[c]!.type === t ? 1 : 0)),
      );
  }
  for (const window of agent.windows) {
    if (window.toDay <= model.fromDay || window.fromDay >= model.toDay) continue;
    model.addRow(
      window.minMinutes,
      window.maxMinutes,
      freed.weighted(window.fromDay, window.toDay, (c) => p.cells[c]!.paidMinutes),
    );
    if (Number.isFinite(window.maxDays))
      model.addRow(
        -Infinity,
        window.maxDays,
        freed.weighted(window.fromDay, window.toDay, () => 1),
      );
  }
}

/** At most `maxConsecutiveDays` in a row; no inner work run shorter than the minimum, nor rest run. */
function addRunRows(freed: FreedAgent): void {
  const { model } = freed;
  const dayCount = model.problem.days;
  const agent = model.problem.agents[freed.agent]!;
  const maxRun = agent.maxConsecutiveDays;
  if (Number.isFinite(maxRun)) {
    for (let day = Math.max(0, model.fromDay - maxRun); day + maxRun < dayCount && day < model.toDay; day++)
      model.addRow(-Infinity, maxRun, sumLin(...Array.from({ length: maxRun + 1 }, (_, j) => freed.worked(day + j))));
  }
  // sequences strictly inside the horizon: no work run of s < min, no rest run of s < minOff
  const span = Math.max(agent.minConsecutiveDays, agent.minConsecutiveDaysOff);
  for (let s = 1; s < span; s++) {
    for (let day = Math.max(0, model.fromDay - s - 1); day + s + 1 < dayCount && day < model.toDay; day++) {
      const inner = sumLin(...Array.from({ length: s }, (_, j) => freed.worked(day + 1 + j)));
      const before = freed.worked(day);
      const after = freed.worked(day + s + 1);
      if (s < agent.minConsecutiveDays)
        model.addRow(-Infinity, s - 1, sumLin(scaleLin(before, -1), inner, scaleLin(after, -1)));
      if (s < agent.minConsecutiveDaysOff) model.addRow(-Infinity, 1, sumLin(before, scaleLin(inner, -1), after));
    }
  }
}

/** Weekends worked, at most `maxWeekends`: one indicator column per weekend with a free day. */
function addWeekendRows(freed: FreedAgent): void {
  const { model } = freed;
  const p = model.problem;
  const agent = p.agents[freed.agent]!;
  if (!Number.isFinite(agent.maxWeekends)) return;
  const byWeekend = new Map<number, number[]>();
  for (let day = 0; day < p.days; day++) {
    const weekend = p.weekendOfDay[day]!;
    if (weekend >= 0) byWeekend.set(weekend, [...(byWeekend.get(weekend) ?? []), day]);
  }
  const total: Lin = { terms: [], constant: 0 };
  for (const days of byWeekend.values()) {
    if (days.every((day) => !model.isFree(day))) {
      if (days.some((day) => freed.cellAt(day) >= 0)) total.constant++;
      continue;
    }
    if (days.some((day) => !model.isFree(day) && freed.cellAt(day) >= 0)) {
      total.constant++;
      continue;
    }
    const worksWeekend = model.addCol(0);
    model.start[worksWeekend] = days.some((day) => freed.cellAt(day) >= 0) ? 1 : 0;
    total.terms.push([worksWeekend, 1]);
    for (const day of days)
      model.addRow(-Infinity, 0, sumLin(freed.worked(day), { terms: [[worksWeekend, -1]], constant: 0 }));
  }
  model.addRow(-Infinity, agent.maxWeekends, total);
}
