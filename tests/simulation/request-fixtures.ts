import type { SimulationRequestInput } from '../../src/contracts/simulation.js';

/** Two queues, a specialist group and a blended group on four half-hours. */
export function twoQueueStaffing(): SimulationRequestInput {
  return {
    start: '2026-03-02T08:00:00+01:00',
    timeZone: 'Europe/Paris',
    intervalMinutes: 30,
    queues: [
      { name: 'sales', priority: 2, volume: [40, 60, 60, 50], ahtSeconds: 240, patienceSeconds: 180 },
      { name: 'service', volume: [80, 90, 100, 70], ahtSeconds: [300, 300, 320, 310], handleTimeCv: 0.8 },
    ],
    groups: [
      { name: 'sales only', skills: ['sales'], agents: [4, 6, 6, 5] },
      { name: 'blended', skills: ['service', 'sales'], proficiency: { sales: 1.2 }, agents: [18, 20, 22, 17] },
    ],
    seed: 7,
    replications: 6,
  };
}
