/**
 * Fixtures of the multi-skill plan tests: one 8-hour template, agents with skills, and a day of two
 * queues each staffed alone by Erlang C (with their loads, for pooling).
 */
import type { ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { parseAgentsJson } from '../../../src/contracts/roster.js';
import { solveInterval } from '../../../src/erlang/index.js';
import type { PlanRequirement } from '../../../src/scheduler/shift-plan/rules.js';
import type { RosterAgent } from '../../../src/scheduler/roster/types.js';
import { requirement } from '../shift-plan/helpers.js';

export const rules8: ShiftPlanRulesInput = {
  templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00', stepMinutes: 60 }] }],
};

export function agents(spec: { id: string; skills: string[] }[]): RosterAgent[] {
  return parseAgentsJson(
    spec.map((a) => ({ id: a.id, skills: a.skills, contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 } })),
    'UTC',
  );
}

export const TARGET = { serviceLevel: 0.8, answerSeconds: 20 };
export const erlangC = (volume: number, ahtSeconds: number) =>
  solveInterval({ volume, ahtSeconds, intervalMinutes: 60 }, { model: 'erlang-c', targets: TARGET }).agents;

/** One day, hourly: `volume` contacts an hour per queue 08-16 (AHT 180 s), each staffed alone by Erlang C. */
export function pooledDay(volume: number): PlanRequirement {
  const vol = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? volume : 0));
  const alone = vol.map((v) => (v > 0 ? erlangC(v, 180) : 0));
  const queue = (name: string) => ({
    name,
    priority: 0,
    required: alone,
    load: { volume: vol, ahtSeconds: vol.map(() => 180), ...TARGET },
  });
  return { ...requirement(alone.map((a) => 2 * a)), queues: [queue('sales'), queue('tech')] };
}
