/**
 * The fallback when the MIP returns no incumbent in time: LP-guided rounding plus greedy repair.
 *
 * 1. Round each shift's LP value down.
 * 2. Place breaks one instance at a time where the on-phone surplus is largest.
 * 3. Place pool sessions: "must" ones where the requirement is lowest, the others only where the
 *    surplus already allows them.
 * 4. While an interval is short, add the candidate shift that covers the most short intervals per
 *    unit cost (capped at `maxAdds`).
 * 5. Drop instances (longest first) whose on-phone time is all surplus.
 * The result has no under-coverage on coverable intervals unless the cap is reached.
 */
import type { SlotGrid } from '../../time/slot-grid.js';
import { placeBreaks } from './breaks.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import type { InstanceOnGrid, SessionOnGrid } from './coverage.js';
import { coveredSlots, type PoolColumn, type PoolDemand } from './model.js';
import type { ShiftPlanRules } from './rules.js';

export interface RepairInput {
  grid: SlotGrid;
  rules: ShiftPlanRules;
  onGrid: TemplateOnGrid[];
  candidates: CandidateShift[];
  windows: number[][][];
  required: number[];
  /** LP values of the shift columns (same order as candidates), or null. */
  lpCounts: number[] | null;
  poolCols: PoolColumn[];
  poolDemands: PoolDemand[];
  maxAdds?: number;
}

/**
 * Rounds the LP's shift counts down and repairs them greedily into concrete instances and sessions
 * (steps above). O(adds x candidates x span) in the worst case; fast on realistic weeks.
 */
export function roundAndRepair(input: RepairInput): { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] } {
  const { grid, rules, onGrid, candidates, required } = input;
  const n = grid.slotCount;
  const counts = candidates.map((_c, i) => Math.max(0, Math.floor((input.lpCounts?.[i] ?? 0) + 1e-6)));
  const ledger = new PhoneLedger(n, rules.cyclic, required);
  candidates.forEach((c, i) => ledger.add(c.startSlot, c.spanSlots, counts[i] as number));
  const instances = ledger.placeBreaks(input, counts);
  const sessions = placePoolSessions(input, ledger);
  const perDay = new TemplateDayCounts(rules, candidates, instances);
  addForDailyMinimums(input, ledger, perDay, instances);
  addWhileShort(input, ledger, perDay, instances);
  const keep = (inst: InstanceOnGrid) => perDay.atOrBelowMinimum(candidates[inst.candidate] as CandidateShift);
  const dropped = (inst: InstanceOnGrid) => perDay.remove(candidates[inst.candidate] as CandidateShift);
  return {
    instances: dropSurplus(instances, onGrid, candidates, ledger.phone, required, n, rules.cyclic, keep, dropped),
    sessions,
  };
}

/** Agents on the phones per slot during the repair, against the requirement. */
class PhoneLedger {
  readonly phone: Float64Array;

  constructor(
    readonly slotCount: number,
    readonly cyclic: boolean,
    readonly required: readonly number[],
  ) {
    this.phone = new Float64Array(slotCount);
  }

  add(start: number, length: number, agents: number): void {
    for (const s of coveredSlots(start, length, this.slotCount, this.cyclic))
      this.phone[s] = (this.phone[s] as number) + agents;
  }

  /** The smallest surplus (on phone - required) over `[start, start + length)`; 0 for no slot. */
  surplus(start: number, length: number): number {
    let worst = Infinity;
    for (const s of coveredSlots(start, length, this.slotCount, this.cyclic))
      worst = Math.min(worst, (this.phone[s] as number) - (this.required[s] as number));
    return worst === Infinity ? 0 : worst;
  }

  take(start: number, length: number, agents = 1): void {
    for (const s of coveredSlots(start, length, this.slotCount, this.cyclic))
      this.phone[s] = (this.phone[s] as number) - agents;
  }

  /** Slots of the candidate where the phones are short. */
  shortSlots(c: CandidateShift): number {
    let short = 0;
    for (const s of coveredSlots(c.startSlot, c.spanSlots, this.slotCount, this.cyclic))
      if ((this.phone[s] as number) < (this.required[s] as number)) short++;
    return short;
  }

  /** Concrete instances of `counts` shifts per candidate, each break where the surplus is largest. */
  placeBreaks(input: RepairInput, counts: number[]): InstanceOnGrid[] {
    return placeBreaks(
      input.candidates,
      input.windows,
      input.onGrid,
      counts,
      null,
      (start, length) => this.surplus(start, length),
      (start, length) => this.take(start, length),
    );
  }
}

/** Agents per (template, day), against the templates' daily min/max. */
class TemplateDayCounts {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly rules: ShiftPlanRules,
    candidates: readonly CandidateShift[],
    instances: readonly InstanceOnGrid[],
  ) {
    for (const inst of instances) this.add(candidates[inst.candidate] as CandidateShift);
  }

  of(template: number, day: number): number {
    return this.counts.get(`${template}:${day}`) ?? 0;
  }

  add(c: CandidateShift): void {
    this.counts.set(`${c.template}:${c.day}`, this.of(c.template, c.day) + 1);
  }

  remove(c: CandidateShift): void {
    this.counts.set(`${c.template}:${c.day}`, (this.counts.get(`${c.template}:${c.day}`) ?? 1) - 1);
  }

  atMax(c: CandidateShift): boolean {
    return this.of(c.template, c.day) >= (this.rules.templates[c.template]?.maxAgentsPerDay ?? Infinity);
  }

  atOrBelowMinimum(c: CandidateShift): boolean {
    return this.of(c.template, c.day) <= (this.rules.templates[c.template]?.minAgentsPerDay ?? 0);
  }
}

/**
 * Pool sessions per (pool, day) request: "must" ones where the surplus is largest even if it goes
 * negative, the others only where the surplus already allows them; within the parallel-session cap.
 */
function placePoolSessions(input: RepairInput, ledger: PhoneLedger): SessionOnGrid[] {
  const { rules } = input;
  const sessions: SessionOnGrid[] = [];
  for (const demand of input.poolDemands) {
    const pool = rules.pool[demand.pool];
    if (!pool) continue;
    const cols = input.poolCols.filter((p) => p.pool === demand.pool && p.day === demand.day);
    const hoursPerUnit = (cols[0]?.agentsPerUnit ?? 1) * (pool.sessionMinutes / 60);
    let placed = 0;
    // Sessions (or seats / seatsPerSession) running per slot, against maxParallelSessions.
    const running = new Map<number, number>();
    const unitLoad = pool.sessionsPerDay !== undefined ? 1 : 1 / pool.seatsPerSession;
    const slotsOf = (col: PoolColumn) => coveredSlots(col.startSlot, col.lengthSlots, ledger.slotCount, ledger.cyclic);
    const fits = (col: PoolColumn) =>
      pool.maxParallelSessions === undefined ||
      slotsOf(col).every((s) => (running.get(s) ?? 0) + unitLoad <= (pool.maxParallelSessions as number) + 1e-9);
    for (let guard = 0; guard < 10_000 && placed + 1e-9 < demand.requestedHours && cols.length > 0; guard++) {
      let best: PoolColumn | undefined;
      let bestValue = -Infinity;
      for (const col of cols) {
        if (!fits(col)) continue;
        const value = ledger.surplus(col.startSlot, col.lengthSlots);
        if (value > bestValue) {
          bestValue = value;
          best = col;
        }
      }
      if (!best || (pool.priority !== 'must' && bestValue < best.agentsPerUnit)) break;
      ledger.take(best.startSlot, best.lengthSlots, best.agentsPerUnit);
      for (const s of slotsOf(best)) running.set(s, (running.get(s) ?? 0) + unitLoad);
      sessions.push({
        pool: demand.pool,
        day: demand.day,
        startSlot: best.startSlot,
        lengthSlots: best.lengthSlots,
        seats: best.agentsPerUnit,
      });
      placed += hoursPerUnit;
    }
  }
  return sessions;
}

/** Adds one instance of candidate `ci` (breaks where the surplus is largest). */
function addOne(
  input: RepairInput,
  ledger: PhoneLedger,
  perDay: TemplateDayCounts,
  instances: InstanceOnGrid[],
  ci: number,
): void {
  const c = input.candidates[ci] as CandidateShift;
  ledger.add(c.startSlot, c.spanSlots, 1);
  const one = input.candidates.map((_x, i) => (i === ci ? 1 : 0));
  instances.push(...ledger.placeBreaks(input, one));
  perDay.add(c);
}

/** Daily minimums first: the candidate of that template and day covering the most short intervals. */
function addForDailyMinimums(
  input: RepairInput,
  ledger: PhoneLedger,
  perDay: TemplateDayCounts,
  instances: InstanceOnGrid[],
): void {
  const { rules, candidates, grid } = input;
  rules.templates.forEach((t, ti) => {
    if (!t.minAgentsPerDay) return;
    grid.days.forEach((_d, di) => {
      const options = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.template === ti && c.day === di);
      while (options.length > 0 && perDay.of(ti, di) < (t.minAgentsPerDay as number)) {
        let best = options[0] as { c: CandidateShift; i: number };
        for (const o of options) if (ledger.shortSlots(o.c) > ledger.shortSlots(best.c)) best = o;
        addOne(input, ledger, perDay, instances, best.i);
      }
    });
  });
}

/**
 * While a slot is short, adds the candidate covering it with the most short slots per unit cost
 * (capped at `maxAdds`); a slot nothing may cover any more is left short.
 */
function addWhileShort(
  input: RepairInput,
  ledger: PhoneLedger,
  perDay: TemplateDayCounts,
  instances: InstanceOnGrid[],
): void {
  const { rules, onGrid, candidates, required } = input;
  const n = ledger.slotCount;
  const coveringBySlot: number[][] = Array.from({ length: n }, () => []);
  candidates.forEach((c, i) => {
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, ledger.cyclic)) (coveringBySlot[s] as number[]).push(i);
  });
  const maxAdds = input.maxAdds ?? 100_000;
  let slot = 0;
  for (let adds = 0; adds < maxAdds && slot < n;) {
    if ((ledger.phone[slot] as number) >= (required[slot] as number)) {
      slot++;
      continue;
    }
    let best = -1;
    let bestScore = -Infinity;
    for (const ci of coveringBySlot[slot] as number[]) {
      const c = candidates[ci] as CandidateShift;
      if (perDay.atMax(c)) continue;
      const template = rules.templates[c.template];
      const score =
        ledger.shortSlots(c) / ((template?.costWeight ?? 1) * (onGrid[c.template] as TemplateOnGrid).paidHours);
      if (score > bestScore) {
        bestScore = score;
        best = ci;
      }
    }
    if (best < 0) {
      slot++; // nothing may cover it any more: left short
      continue;
    }
    addOne(input, ledger, perDay, instances, best);
    adds++;
  }
}

/** Removes instances whose every on-phone interval is surplus, longest first. O(instances x span). */
function dropSurplus(
  instances: InstanceOnGrid[],
  onGrid: readonly TemplateOnGrid[],
  candidates: readonly CandidateShift[],
  phone: Float64Array,
  required: readonly number[],
  n: number,
  cyclic: boolean,
  keep: (inst: InstanceOnGrid) => boolean,
  dropped: (inst: InstanceOnGrid) => void,
): InstanceOnGrid[] {
  const order = instances
    .map((_x, i) => i)
    .sort((a, b) => {
      const pa = (
        onGrid[(candidates[(instances[a] as InstanceOnGrid).candidate] as CandidateShift).template] as TemplateOnGrid
      ).paidHours;
      const pb = (
        onGrid[(candidates[(instances[b] as InstanceOnGrid).candidate] as CandidateShift).template] as TemplateOnGrid
      ).paidHours;
      return pb - pa;
    });
  const removed = new Set<number>();
  for (const i of order) {
    const inst = instances[i] as InstanceOnGrid;
    if (keep(inst)) continue;
    const onBreak = new Set<number>();
    for (const b of inst.breaks) for (const s of coveredSlots(b.startSlot, b.lengthSlots, n, cyclic)) onBreak.add(s);
    const working = coveredSlots(inst.startSlot, inst.spanSlots, n, cyclic).filter((s) => !onBreak.has(s));
    if (working.every((s) => (phone[s] as number) - 1 >= (required[s] as number))) {
      for (const s of working) phone[s] = (phone[s] as number) - 1;
      removed.add(i);
      dropped(inst);
    }
  }
  return instances.filter((_x, i) => !removed.has(i));
}
