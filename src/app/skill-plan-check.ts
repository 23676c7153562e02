/**
 * A multi-skill shift plan checked by simulation and corrected, for `wfm plan` and the plan job
 * (docs/shift-plan.md, "Skills"): the plan's agents per skill set (on the phones: shifts less
 * breaks) are simulated against every queue with a load (Erlang C or A: volume, AHT, target), and a
 * queue whose interval lies wholly below its target (the upper end of the simulated 95 % interval
 * under it) is given one more agent there and the plan is made again (`planWithSkillCuts`), within
 * the plan's own time limit. Each skill set is simulated at the handle-time factors the plan sized
 * for (`SkillClassServes.proficiency`: its agents' proficiency and learning curve). Chat and
 * deferred queues are not simulated (their subsets stay at the sum of their requirements).
 */
import { parseSimulationRequest, type SimulationRequestInput } from '../contracts/simulation.js';
import { simulateReplications } from '../simulation/index.js';
import type { PlanQueueLoad } from '../scheduler/shift-plan/rules.js';
import type { SkillMiss } from '../scheduler/shift-plan/skill-cuts.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import { summariseSimulation } from './simulation-summary.js';

export interface CheckedQueue {
  name: string;
  priority: number;
  load?: PlanQueueLoad | undefined;
}

/** The plan's on-phone agents per skill set and slot (a shift's instances less their breaks). O(shifts x slots). */
export function onPhoneBySkillSet(plan: ShiftPlan): Map<string, number[]> {
  const slots = plan.grid.slotCount;
  const bySkills = new Map<string, number[]>();
  for (const shift of plan.shifts) {
    const key = (shift.skills ?? []).join('|');
    const counts = bySkills.get(key) ?? new Array<number>(slots).fill(0);
    for (const inst of shift.instances)
      for (let s = Math.max(0, shift.startSlot); s < Math.min(slots, shift.endSlot); s++)
        if (!inst.breaks.some((b) => s >= b.startSlot && s < b.endSlot)) counts[s] = (counts[s] as number) + 1;
    bySkills.set(key, counts);
  }
  return bySkills;
}

/**
 * The check `planWithSkillCuts` calls: the queues (indices into `queues`, the plan requirement's
 * order) and slots below target in the plan, by a seeded simulation. Deterministic for a seed.
 */
export function simulationMisses(
  queues: readonly CheckedQueue[],
  options: { seed: number; replications: number },
): (plan: ShiftPlan) => SkillMiss[] {
  return (plan) => {
    const live = queues
      .map((q, index) => ({ q, index }))
      .filter(({ q }) => q.load !== undefined && q.load.volume.length === plan.grid.slotCount);
    // Each skill set serves the simulated queues among its skills, at its agents' handle-time factors
    // (the plan's, per skill: the harmonic mean over the set's agents); a set serving none is left out.
    const groups = [...onPhoneBySkillSet(plan)]
      .map(([key, agents]) => {
        const skills = key.split('|').filter((k) => live.some(({ q }) => q.name === k));
        const factors = plan.queueCoverage?.classes.find((c) => c.skills.join('|') === key)?.proficiency ?? {};
        const proficiency = Object.fromEntries(Object.entries(factors).filter(([s]) => skills.includes(s)));
        return { name: key, skills, agents, ...(Object.keys(proficiency).length > 0 ? { proficiency } : {}) };
      })
      .filter((g) => g.skills.length > 0);
    if (live.length === 0 || groups.length === 0) return [];
    const body: SimulationRequestInput = {
      start: plan.grid.start,
      timeZone: plan.grid.timeZone,
      intervalMinutes: plan.grid.intervalMinutes as SimulationRequestInput['intervalMinutes'],
      queues: live.map(({ q }) => {
        const load = q.load as PlanQueueLoad;
        return {
          name: q.name,
          priority: q.priority,
          volume: load.volume,
          ahtSeconds: load.ahtSeconds,
          ...(load.patienceSeconds !== undefined ? { patienceSeconds: load.patienceSeconds } : {}),
          target: { serviceLevel: load.serviceLevel, answerSeconds: load.answerSeconds },
        };
      }),
      groups,
      seed: options.seed,
      replications: options.replications,
    };
    let request;
    try {
      request = parseSimulationRequest(body);
    } catch {
      return []; // Beyond the simulation's limits (docs/simulation.md): the plan stands unchecked.
    }
    const result = summariseSimulation(request, simulateReplications(request.model, request));
    return result.queues.flatMap((sq, j) => {
      const { q, index } = live[j] as { q: CheckedQueue; index: number };
      const target = (q.load as PlanQueueLoad).serviceLevel;
      return sq.intervals.flatMap((x, slot) =>
        x.serviceLevel.high !== null && x.serviceLevel.high < target ? [{ queue: index, slot }] : [],
      );
    });
  };
}
