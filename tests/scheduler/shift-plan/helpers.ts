import { parseShiftPlanRules, type ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import type { PlanRequirement } from '../../../src/scheduler/shift-plan/rules.js';
import type { ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';

/** A requirement on a UTC grid starting Monday 2026-03-02 00:00. */
export function requirement(
  required: number[],
  intervalMinutes = 60,
  originIso = '2026-03-02T00:00:00Z',
  timeZone = 'UTC',
): PlanRequirement {
  return { originMs: Date.parse(originIso), intervalMinutes, timeZone, required, present: required.map(() => true) };
}

export async function plan(req: PlanRequirement, rules: ShiftPlanRulesInput): Promise<ShiftPlan> {
  return planShifts(req, parseShiftPlanRules(rules).rules, { highs: await loadSolver() });
}

/**
 * Coverage recomputed independently from the listed shifts, breaks and sessions (slots clipped to
 * the grid): on shift, on break, in retraining per slot.
 */
export function recompute(p: ShiftPlan): { onShift: number[]; onBreak: number[]; inRetraining: number[] } {
  const n = p.grid.slotCount;
  const onShift = new Array<number>(n).fill(0);
  const onBreak = new Array<number>(n).fill(0);
  const inRetraining = new Array<number>(n).fill(0);
  const add = (arr: number[], from: number, to: number, k: number) => {
    for (let s = from; s < to; s++) {
      const slot = p.grid.cyclic ? ((s % n) + n) % n : s;
      if (slot >= 0 && slot < n) arr[slot] = (arr[slot] as number) + k;
    }
  };
  for (const shift of p.shifts) {
    if (shift.instances.length !== shift.count) throw new Error('instances.length !== count');
    for (const inst of shift.instances) {
      add(onShift, shift.startSlot, shift.endSlot, 1);
      for (const b of inst.breaks) {
        if (b.startSlot < shift.startSlot || b.endSlot > shift.endSlot) throw new Error('break outside its shift');
        add(onBreak, b.startSlot, b.endSlot, 1);
      }
    }
  }
  for (const s of p.retraining) add(inRetraining, s.startSlot, s.endSlot, s.seats);
  return { onShift, onBreak, inRetraining };
}
