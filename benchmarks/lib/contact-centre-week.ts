/**
 * The contact-centre week that the shift-plan and roster benchmarks share: 672 fifteen-minute
 * intervals from Monday 2026-03-02 (UTC), a two-peak weekday curve (10:30, 14:30, a small evening
 * bump) and a weekend at 55 %, open 07:00-22:00 (weekend 08:00-20:00), AHT 300 s, requirement from
 * Erlang C at 80 % in 20 s.
 */
import { solveInterval } from '../../src/erlang/index.js';
import type { QueueParams } from '../../src/erlang/types.js';
import type { PlanRequirement } from '../../src/scheduler/shift-plan/rules.js';

export const WEEK_INTERVAL_MINUTES = 15;
export const WEEK_SLOTS = 672;
export const WEEK_AHT_SECONDS = 300;
export const WEEK_QUEUE: QueueParams = { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 } };

/** Contacts per 15 minutes at `slot`, times `scale`; 0 when closed. */
export function weekVolumeAt(slot: number, scale = 1): number {
  const day = Math.floor(slot / 96);
  const minute = (slot % 96) * 15 + 7.5;
  const weekend = day >= 5;
  const open = weekend ? minute >= 480 && minute < 1200 : minute >= 420 && minute < 1320;
  if (!open) return 0;
  const peak = (center: number, width: number) => Math.exp(-(((minute - center) / width) ** 2));
  const curve = 25 + 110 * peak(630, 100) + 90 * peak(870, 120) + 30 * peak(1170, 90);
  return Math.round(scale * curve * (weekend ? 0.55 : 1) * (1 + 0.04 * (day % 3)));
}

/** The week's requirement (agents per interval from Erlang C), carrying volume and AHT for the SL. */
export function weekRequirement(scale = 1): PlanRequirement {
  const volume = Array.from({ length: WEEK_SLOTS }, (_x, s) => weekVolumeAt(s, scale));
  const required = volume.map((v) =>
    v > 0
      ? solveInterval({ volume: v, ahtSeconds: WEEK_AHT_SECONDS, intervalMinutes: WEEK_INTERVAL_MINUTES }, WEEK_QUEUE)
          .agents
      : 0,
  );
  return {
    originMs: Date.parse('2026-03-02T00:00:00Z'),
    intervalMinutes: WEEK_INTERVAL_MINUTES,
    timeZone: 'UTC',
    required,
    present: required.map(() => true),
    volume,
    ahtSeconds: volume.map(() => WEEK_AHT_SECONDS),
    queue: WEEK_QUEUE,
  };
}

/** A paid 15-minute break, a 30-minute unpaid lunch and a second paid break, windows in minutes from shift start. */
export function lunchAndTwoBreaks(lunchFrom: number, lunchTo: number, secondFrom: number, secondTo: number) {
  return [
    { name: 'break-1', minutes: 15, paid: true, earliestStartMinutes: 60, latestStartMinutes: 150 },
    { name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: lunchFrom, latestStartMinutes: lunchTo },
    { name: 'break-2', minutes: 15, paid: true, earliestStartMinutes: secondFrom, latestStartMinutes: secondTo },
  ];
}
