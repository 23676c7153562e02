import type { SimModel } from '../../src/simulation/index.js';

/**
 * The benchmark centre: 3 queues, 5 skill groups, a week of 672 fifteen-minute intervals with a
 * daily wave (peaks of 300, 200 and 100 calls per 15 minutes; about 308,000 contacts a week).
 * Two specialist teams sized at 90 % of their queue's load, a tech team, a sales+service pair of
 * new hires (handle-time factor 1.3) and an all-skills group, each at 10 % of the total load.
 */
export function benchmarkCentre(intervals = 672): SimModel {
  const wave = (peak: number) =>
    Array.from({ length: intervals }, (_, i) => peak * (0.35 + 0.65 * Math.sin(((i % 96) / 96) * Math.PI)));
  const erlangs = (peak: number, aht: number) => wave(peak).map((v) => (v * aht) / 900);
  const sales = erlangs(300, 240);
  const service = erlangs(200, 300);
  const tech = erlangs(100, 400);
  const total = sales.map((a, i) => a + (service[i] as number) + (tech[i] as number));
  const agents = (load: number[], share: number) => load.map((a) => Math.ceil(a * share));
  return {
    intervalMinutes: 15,
    intervals,
    queues: [
      {
        name: 'sales',
        priority: 2,
        volume: wave(300),
        handleTime: { kind: 'exponential', meanSeconds: 240 },
        patienceSeconds: 180,
        answerSeconds: 20,
      },
      {
        name: 'service',
        priority: 1,
        volume: wave(200),
        handleTime: { kind: 'lognormal', meanSeconds: 300, cv: 1 },
        patienceSeconds: 300,
        answerSeconds: 30,
      },
      {
        name: 'tech',
        priority: 0,
        volume: wave(100),
        handleTime: { kind: 'exponential', meanSeconds: 400 },
        answerSeconds: 60,
      },
    ],
    groups: [
      { name: 'sales team', skills: [0], agents: agents(sales, 0.9) },
      { name: 'service team', skills: [1], agents: agents(service, 0.9) },
      { name: 'tech team', skills: [2], agents: agents(tech, 0.9) },
      { name: 'sales+service new hires', skills: [0, 1], handleTimeFactors: [1.3, 1.3], agents: agents(total, 0.1) },
      { name: 'all skills', skills: [0, 1, 2], agents: agents(total, 0.1) },
    ],
  };
}
