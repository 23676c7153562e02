/**
 * The simulation check of a multi-skill plan (src/app/skill-plan-check.ts): the plan's agents per
 * skill set are simulated against each queue with a load, and the (queue, slot) pairs whose whole
 * 95 % interval of SL lies below the target are named, by the queue's index in the plan's order.
 */
import { describe, expect, it } from 'vitest';
import { onPhoneBySkillSet, simulationMisses } from '../../src/app/skill-plan-check.js';
import type { ShiftPlan } from '../../src/scheduler/shift-plan/types.js';

const SLOTS = 8; // two hours of 15-minute slots

/** A plan of `count` agents with `skills` on the phones every slot (no breaks). */
function planOf(count: number, skills: string[]): ShiftPlan {
  return {
    grid: { start: '2026-06-01T08:00:00Z', intervalMinutes: 15, slotCount: SLOTS, timeZone: 'UTC', cyclic: false },
    shifts: [
      { skills, startSlot: 0, endSlot: SLOTS, count, instances: Array.from({ length: count }, () => ({ breaks: [] })) },
    ],
  } as unknown as ShiftPlan;
}

// 40 calls per 15 minutes at 270 s AHT: 12 erlangs; 80 % in 20 s needs about 15 agents (Erlang C).
const phone = {
  name: 'phone',
  priority: 1,
  load: {
    volume: new Array<number>(SLOTS).fill(40),
    ahtSeconds: new Array<number>(SLOTS).fill(270),
    serviceLevel: 0.8,
    answerSeconds: 20,
  },
};
// A chat queue has no load: not simulated, never named.
const queues = [{ name: 'chat', priority: 0 }, phone];

describe('simulation check of a multi-skill plan', () => {
  it('counts on-phone agents per skill set and slot, less breaks', () => {
    const plan = planOf(2, ['phone']);
    (plan.shifts[0]!.instances[0] as { breaks: { startSlot: number; endSlot: number }[] }).breaks.push({
      startSlot: 2,
      endSlot: 3,
    });
    expect(onPhoneBySkillSet(plan).get('phone')).toEqual([2, 2, 1, 2, 2, 2, 2, 2]);
  });

  it('names every slot of a queue staffed far below its load, by its index in the plan', () => {
    const misses = simulationMisses(queues, { seed: 3, replications: 4 })(planOf(10, ['phone', 'chat']));
    // 10 agents for 12 erlangs: the queue is unstable and its wait grows from an empty start, so every
    // slot after the first is wholly below target (the first may not be yet).
    expect(misses.every((m) => m.queue === 1)).toBe(true);
    expect(misses.map((m) => m.slot).filter((s) => s >= 1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('names nothing when the skill set has the agents the load needs', () => {
    expect(simulationMisses(queues, { seed: 3, replications: 4 })(planOf(20, ['phone']))).toEqual([]);
  });

  it('simulates each skill set at the handle-time factors the plan sized for', () => {
    // The same 20 agents, twice as slow on phone (the plan's `queueCoverage.classes[].proficiency`):
    // 24 erlangs on 20 agents is unstable, so every slot after the first is wholly below target (as
    // above); at the queue's own AHT the same plan meets it (the test before).
    const slow = planOf(20, ['phone']);
    slow.queueCoverage = {
      queues: [],
      classes: [{ skills: ['phone'], serves: [], proficiency: { phone: 2 } }],
    };
    const misses = simulationMisses(queues, { seed: 3, replications: 4 })(slow);
    expect(misses.every((m) => m.queue === 1)).toBe(true);
    expect(misses.map((m) => m.slot).filter((s) => s >= 1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
