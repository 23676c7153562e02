import type { Lin, SubMipModel } from './sub-mip-model.js';

/** One freed agent inside a sub-MIP: its columns by day and its fixed cells outside them. */
export class FreedAgent {
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
