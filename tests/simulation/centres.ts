import type { SimModel } from '../../src/simulation/index.js';

/**
 * A 3-queue, 5-group centre on `intervals` 15-minute intervals with a daily volume wave: two
 * specialist teams, a cross-trained pair with new-hire proficiency and an all-skills group.
 */
export function threeQueueCentre(intervals: number, staffingScale = 1): SimModel {
  const wave = (peak: number) =>
    Array.from({ length: intervals }, (_, i) => Math.round(peak * (0.4 + 0.6 * Math.sin(((i % 96) / 96) * Math.PI))));
  const staff = (peak: number, perCall: number) => wave(peak).map((v) => Math.ceil(v * perCall * staffingScale));
  return {
    intervalMinutes: 15,
    intervals,
    queues: [
      {
        name: 'sales',
        priority: 2,
        volume: wave(120),
        handleTime: { kind: 'exponential', meanSeconds: 240 },
        patienceSeconds: 180,
        answerSeconds: 20,
      },
      {
        name: 'service',
        priority: 1,
        volume: wave(90),
        handleTime: { kind: 'lognormal', meanSeconds: 300, cv: 0.9 },
        patienceSeconds: 300,
        answerSeconds: 30,
      },
      {
        name: 'tech',
        priority: 0,
        volume: wave(40),
        handleTime: { kind: 'exponential', meanSeconds: 420 },
        answerSeconds: 60,
      },
    ],
    groups: [
      { name: 'sales team', skills: [0], agents: staff(120, 0.22) },
      { name: 'service team', skills: [1], agents: staff(90, 0.27) },
      { name: 'tech team', skills: [2], agents: staff(40, 0.4) },
      { name: 'sales+service new hires', skills: [0, 1], handleTimeFactors: [1.5, 1.5], agents: staff(60, 0.1) },
      { name: 'all skills', skills: [2, 1, 0], agents: staff(60, 0.1) },
    ],
  };
}
