/** Loads for the staffing benchmarks: a week of 672 fifteen-minute intervals per queue. */
import { mulberry32 } from '../../src/app/samples/sample-week.js';

export const WEEK_INTERVALS = 672;

/** Relative load of interval i of the week: two daily peaks, lighter weekend, low at night. */
export function weekShape(i: number): number {
  const day = Math.floor(i / 96);
  const hour = (i % 96) / 4 + 0.125;
  const peak = (c: number, w: number, h: number) => h * Math.exp(-(((hour - c) / w) ** 2));
  const dayFactor = day < 5 ? 1 : day === 5 ? 0.5 : 0.35;
  return dayFactor * Math.min(1, 0.03 + peak(10.5, 2, 1) + peak(14.5, 2.2, 0.85));
}

/**
 * Erlangs for `queues` queues x 672 intervals, series-major; each queue peaks at a seeded load in
 * [2, maxErlangs]. Also returns a per-queue AHT in [180, 420] s.
 */
export function weekLoads(
  queues: number,
  maxErlangs: number,
  seed = 1,
): { erlangs: Float64Array; ahtSeconds: Float64Array } {
  const random = mulberry32(seed);
  const erlangs = new Float64Array(queues * WEEK_INTERVALS);
  const ahtSeconds = new Float64Array(queues);
  for (let q = 0; q < queues; q++) {
    const peak = 2 + random() * (maxErlangs - 2);
    ahtSeconds[q] = 180 + Math.floor(random() * 240);
    for (let i = 0; i < WEEK_INTERVALS; i++)
      erlangs[q * WEEK_INTERVALS + i] = Math.min(maxErlangs, peak * weekShape(i) * (0.9 + 0.2 * random()));
  }
  return { erlangs, ahtSeconds };
}
