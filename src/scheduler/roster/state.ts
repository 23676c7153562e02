import { AgentEvaluator, type AgentScore } from './evaluate-agent.js';
import type { CoreProblem } from './problem.js';

/**
 * The mutable search state: the assignment matrix (agent x day -> cell or -1), cover counts per
 * cell, cached per-agent scores and the fairness sums. Costs are `hardMultiplier * hard + soft`.
 * A move changes rows, then `rescore` returns the exact cost delta of the touched agents and
 * cells; `commit` keeps it, or the caller restores the rows and calls `discard`.
 */
export class RosterState {
  readonly assign: Int32Array;
  readonly cover: Int32Array;
  readonly agentHard: Float64Array;
  readonly agentSoft: Float64Array;
  readonly weekendDays: Float64Array;
  readonly lateShifts: Float64Array;
  hard = 0;
  soft = 0;
  /** Agents short summed over the cells, unweighted (the filled-shift tier of `keepIfBest`). */
  short = 0;
  private sumW = 0;
  private sumW2 = 0;
  private sumL = 0;
  private sumL2 = 0;
  private readonly fairCount: number;
  readonly evaluator: AgentEvaluator;
  private readonly tmp: AgentScore = { hard: 0, soft: 0, weekendDays: 0, lateShifts: 0 };
  private readonly pending: { agent: number; score: AgentScore }[] = [
    { agent: -1, score: { hard: 0, soft: 0, weekendDays: 0, lateShifts: 0 } },
    { agent: -1, score: { hard: 0, soft: 0, weekendDays: 0, lateShifts: 0 } },
  ];
  private pendingCount = 0;
  private pendingHard = 0;
  private pendingSoft = 0;
  private pendingFair = { w: 0, w2: 0, l: 0, l2: 0 };
  private readonly coverUnderHard: boolean;
  private readonly coverOverHard: boolean;
  private readonly fwW: number;
  private readonly flW: number;
  private readonly underW: number;
  private readonly overW: number;

  constructor(
    readonly p: CoreProblem,
    public hardMultiplier: number,
    initial?: Int32Array,
  ) {
    const agentCount = p.agents.length;
    this.assign = initial ? Int32Array.from(initial) : new Int32Array(agentCount * p.days).fill(-1);
    this.cover = new Int32Array(p.cells.length);
    this.agentHard = new Float64Array(agentCount);
    this.agentSoft = new Float64Array(agentCount);
    this.weekendDays = new Float64Array(agentCount);
    this.lateShifts = new Float64Array(agentCount);
    this.evaluator = new AgentEvaluator(p);
    this.coverUnderHard = p.rules.coverUnder.hard;
    this.coverOverHard = p.rules.coverOver.hard;
    this.underW = p.rules.coverUnder.weight;
    this.overW = p.rules.coverOver.weight;
    this.fwW = p.rules.fairnessWeekend.weight;
    this.flW = p.rules.fairnessLate.weight;
    this.fairCount = Math.max(1, p.agents.filter((a) => a.inFairness).length);
    this.recomputeAll();
  }

  get cost(): number {
    return this.hardMultiplier * this.hard + this.soft;
  }

  /** Recomputes every cached quantity from the assignment, O(agents x days + cells). */
  recomputeAll(): void {
    const p = this.p;
    this.cover.fill(0);
    for (let i = 0; i < this.assign.length; i++) {
      const c = this.assign[i]!;
      if (c >= 0) this.cover[c]!++;
    }
    let hard = 0;
    let soft = 0;
    this.short = 0;
    for (let c = 0; c < p.cells.length; c++) {
      const [h, s] = this.cellCost(c, this.cover[c]!);
      hard += h;
      soft += s;
      this.short += Math.max(0, p.cells[c]!.required - this.cover[c]!);
    }
    this.sumW = this.sumW2 = this.sumL = this.sumL2 = 0;
    p.agents.forEach((agent, e) => {
      this.evaluator.evaluate(agent, this.assign, e * p.days, this.tmp);
      this.agentHard[e] = this.tmp.hard;
      this.agentSoft[e] = this.tmp.soft;
      this.weekendDays[e] = this.tmp.weekendDays;
      this.lateShifts[e] = this.tmp.lateShifts;
      hard += this.tmp.hard;
      soft += this.tmp.soft;
      if (agent.inFairness) {
        this.sumW += this.tmp.weekendDays;
        this.sumW2 += this.tmp.weekendDays ** 2;
        this.sumL += this.tmp.lateShifts;
        this.sumL2 += this.tmp.lateShifts ** 2;
      }
    });
    this.hard = hard;
    this.soft = soft + this.fairnessCost(this.sumW, this.sumW2, this.sumL, this.sumL2);
  }

  /** Fairness as agents x variance of the per-agent counts: zero when shared exactly evenly. */
  fairnessAmounts(): { weekend: number; late: number } {
    const n = this.fairCount;
    return { weekend: this.sumW2 - (this.sumW * this.sumW) / n, late: this.sumL2 - (this.sumL * this.sumL) / n };
  }

  private fairnessCost(w: number, w2: number, l: number, l2: number): number {
    const n = this.fairCount;
    return this.fwW * (w2 - (w * w) / n) + this.flW * (l2 - (l * l) / n);
  }

  /** [hard, soft] cost of cell c at cover k (cell weight x rule weight per agent short or over). */
  cellCost(c: number, k: number): [number, number] {
    const cell = this.p.cells[c]!;
    const under = k < cell.required ? (cell.required - k) * cell.underWeight * this.underW : 0;
    const over = k > cell.required ? (k - cell.required) * cell.overWeight * this.overW : 0;
    return [
      (this.coverUnderHard ? under : 0) + (this.coverOverHard ? over : 0),
      (this.coverUnderHard ? 0 : under) + (this.coverOverHard ? 0 : over),
    ];
  }

  /** Cost delta of moving one agent of cover from cell `from` to cell `to` (-1 = none). */
  coverDelta(from: number, to: number): number {
    let d = 0;
    if (from >= 0) d += this.cellDelta(from, -1);
    if (to >= 0) d += this.cellDelta(to, +1);
    return d;
  }

  private cellDelta(c: number, step: number): number {
    const k = this.cover[c]!;
    const [h0, s0] = this.cellCost(c, k);
    const [h1, s1] = this.cellCost(c, k + step);
    return this.hardMultiplier * (h1 - h0) + (s1 - s0);
  }

  applyCover(from: number, to: number): void {
    if (from >= 0) this.shiftCell(from, -1);
    if (to >= 0) this.shiftCell(to, +1);
  }

  private shiftCell(c: number, step: number): void {
    const k = this.cover[c]!;
    const [h0, s0] = this.cellCost(c, k);
    const [h1, s1] = this.cellCost(c, k + step);
    this.cover[c] = k + step;
    const required = this.p.cells[c]!.required;
    this.short += Math.max(0, required - k - step) - Math.max(0, required - k);
    this.hard += h1 - h0;
    this.soft += s1 - s0;
  }

  /**
   * Re-scores the given agents (whose rows were just changed) and returns the cost delta of their
   * per-agent rules and fairness. Cover is handled separately by `coverDelta`/`applyCover`.
   */
  rescore(e1: number, e2 = -1): number {
    const p = this.p;
    this.pendingCount = 0;
    let dh = 0;
    let ds = 0;
    let w = this.sumW;
    let w2 = this.sumW2;
    let l = this.sumL;
    let l2 = this.sumL2;
    for (const e of e2 >= 0 ? [e1, e2] : [e1]) {
      const slot = this.pending[this.pendingCount++]!;
      slot.agent = e;
      const agent = p.agents[e]!;
      this.evaluator.evaluate(agent, this.assign, e * p.days, slot.score);
      dh += slot.score.hard - this.agentHard[e]!;
      ds += slot.score.soft - this.agentSoft[e]!;
      if (agent.inFairness) {
        const ow = this.weekendDays[e]!;
        const nw = slot.score.weekendDays;
        w += nw - ow;
        w2 += nw * nw - ow * ow;
        const ol = this.lateShifts[e]!;
        const nl = slot.score.lateShifts;
        l += nl - ol;
        l2 += nl * nl - ol * ol;
      }
    }
    const fairDelta = this.fairnessCost(w, w2, l, l2) - this.fairnessCost(this.sumW, this.sumW2, this.sumL, this.sumL2);
    this.pendingFair = { w, w2, l, l2 };
    this.pendingHard = dh;
    this.pendingSoft = ds + fairDelta;
    return this.hardMultiplier * dh + ds + fairDelta;
  }

  /** Keeps the scores computed by the last `rescore`. */
  commit(): void {
    for (let i = 0; i < this.pendingCount; i++) {
      const { agent: e, score } = this.pending[i]!;
      this.agentHard[e] = score.hard;
      this.agentSoft[e] = score.soft;
      this.weekendDays[e] = score.weekendDays;
      this.lateShifts[e] = score.lateShifts;
    }
    this.hard += this.pendingHard;
    this.soft += this.pendingSoft;
    this.sumW = this.pendingFair.w;
    this.sumW2 = this.pendingFair.w2;
    this.sumL = this.pendingFair.l;
    this.sumL2 = this.pendingFair.l2;
    this.pendingCount = 0;
  }
}
