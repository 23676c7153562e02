import { scaleLin, sumLin, type Lin, type SubMipModel } from './sub-mip-model.js';

/** One freed agent inside a sub-MIP: its columns by day and its fixed cells outside them. */
class FreedAgent {
  constructor(
    readonly model: SubMipModel,
    /** Index into the problem's agents. */
    readonly agent: number,
    /** [column, cell] per day (empty on fixed days). */
    readonly dayCols: [number, number][][],
  ) {}

  cellAt(day: number): number {
    return this.model.assign[this.agent * this.model.problem.days + day]!;
  }

  /** Worked indicator of `day`: its columns when free, a constant 0 or 1 when fixed. */
  worked(day: number): Lin {
    return this.model.isFree(day)
      ? { terms: this.dayCols[day]!.map(([col]) => [col, 1]), constant: 0 }
      : { terms: [], constant: this.cellAt(day) >= 0 ? 1 : 0 };
  }

  /** Sum over days [fromDay, toDay) of a per-cell coefficient of the cell worked. */
  weighted(fromDay: number, toDay: number, coef: (c: number) => number): Lin {
    const lin: Lin = { terms: [], constant: 0 };
    for (let day = fromDay; day < toDay; day++) {
      if (this.model.isFree(day)) for (const [col, c] of this.dayCols[day]!) lin.terms.push([col, coef(c)]);
      else if (this.cellAt(day) >= 0) lin.constant += coef(this.cellAt(day));
    }
    return lin;
  }

  /** [column, cell] pairs of a day: the columns when free, the fixed cell (column -1) when worked. */
  choices(day: number): [number, number][] {
    if (this.model.isFree(day)) return this.dayCols[day]!;
    return this.cellAt(day) >= 0 ? [[-1, this.cellAt(day)]] : [];
  }
}

/**
 * Every hard rule of one freed agent as rows (the sub-MIP's feasibility is the agent's): one shift
 * a day, successions and rest, per-type limits, contract windows, runs of work and of days off,
 * weekends. `position` is the agent's index in `model.agents`.
 */
export function addAgentRuleRows(model: SubMipModel, position: number): void {
  const freed = new FreedAgent(model, model.agents[position]!, model.workCols[position]!);
  for (let day = model.fromDay; day < model.toDay; day++)
    if (freed.dayCols[day]!.length > 1) model.addRow(-Infinity, 1, freed.worked(day));
  addSuccessionRows(freed);
  addContractRows(freed);
  addRunRows(freed);
  addWeekendRows(freed);
}

/** Forbidden successions and rest, including across the window's edges. */
function addSuccessionRows(freed: FreedAgent): void {
  const { model } = freed;
  const p = model.problem;
  for (let day = Math.max(0, model.fromDay - 1); day < Math.min(p.days - 1, model.toDay); day++) {
    const right = freed.choices(day + 1);
    for (const [firstCol, firstCell] of freed.choices(day)) {
      const first = p.cells[firstCell]!;
      for (const [secondCol, secondCell] of right) {
        const second = p.cells[secondCell]!;
        const forbidden = p.forbiddenFollow && p.forbiddenFollow[first.type * p.types + second.type];
        const shortRest = p.minRestMinutes > 0 && second.startMinute - first.endMinute < p.minRestMinutes;
        if (!forbidden && !shortRest) continue;
        const terms: [number, number][] = [];
        let constant = 0;
        for (const col of [firstCol, secondCol]) {
          if (col >= 0) terms.push([col, 1]);
          else constant++;
        }
        model.addRow(-Infinity, 1, { terms, constant });
      }
    }
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
