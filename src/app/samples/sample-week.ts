/**
 * A built-in, deterministic sample week of contact-centre traffic, for `wfm demo`, tests and
 * examples. Pure: the same options give the same week.
 *
 * Shape (typical of an inbound service line): open 08:00-20:00 on weekdays and 09:00-17:00 at the
 * weekend (closed intervals are absent, as docs/semantics.md says: neither forecast nor staffed); two daily
 * peaks, late morning and early afternoon, with a lunch dip between; Monday the busiest day,
 * Friday lighter, Saturday about 45 % and Sunday about 30 % of a weekday; AHT longer in the
 * morning. Volumes are Poisson draws around that profile from a seeded generator.
 */
import { DateTime } from 'luxon';
import { formatInstant } from '../../time/instant.js';
import { mulberry32 } from '../../random/mulberry32.js';

export interface SampleWeekOptions {
  /** Seed of the pseudo-random generator (mulberry32). Default 20260601. */
  seed?: number;
  /** The Monday the week starts on, `YYYY-MM-DD` (local date in `timeZone`). Default 2026-06-01. */
  weekStart?: string;
  /** IANA zone of the opening hours. Default America/New_York. */
  timeZone?: string;
  /** Interval length, minutes. Default 15. */
  intervalMinutes?: number;
  /** Contacts offered on an average weekday. Default 3,200. */
  weekdayVolume?: number;
}

export interface SampleInterval {
  /** ISO 8601 with the zone's offset. */
  start: string;
  volume: number;
  ahtSeconds: number;
}

export interface SampleWeek {
  intervalMinutes: number;
  timeZone: string;
  intervals: SampleInterval[];
}

/** Relative day volumes, Monday first. */
const DAY_FACTOR = [1.15, 1.05, 1.0, 0.98, 0.9, 0.45, 0.3] as const;
/** Opening hours [open, close) per day, Monday first, local hours. */
const OPEN_HOURS: readonly (readonly [number, number])[] = [
  [8, 20],
  [8, 20],
  [8, 20],
  [8, 20],
  [8, 20],
  [9, 17],
  [9, 17],
];

/**
 * Generates the sample week. O(intervals).
 *
 * @example generateSampleWeek().intervals.length // 5 x 48 + 2 x 32 = 304 open 15-minute intervals
 */
export function generateSampleWeek(options: SampleWeekOptions = {}): SampleWeek {
  const seed = options.seed ?? 20260601;
  const timeZone = options.timeZone ?? 'America/New_York';
  const intervalMinutes = options.intervalMinutes ?? 15;
  const weekdayVolume = options.weekdayVolume ?? 3200;
  const monday = DateTime.fromISO(options.weekStart ?? '2026-06-01', { zone: timeZone }).startOf('day');
  if (!monday.isValid) throw new RangeError(`generateSampleWeek: bad weekStart "${options.weekStart}"`);
  const random = mulberry32(seed);
  const intervals: SampleInterval[] = [];
  for (let day = 0; day < 7; day++) {
    const [open, close] = OPEN_HOURS[day] as readonly [number, number];
    const date = monday.plus({ days: day });
    const slots: { ms: number; hour: number; weight: number }[] = [];
    for (let minute = open * 60; minute < close * 60; minute += intervalMinutes) {
      const hour = minute / 60 + intervalMinutes / 120; // mid-interval, local hours
      const ms = date.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
      slots.push({ ms, hour, weight: dailyShape(hour, open, close) });
    }
    const total = slots.reduce((s, x) => s + x.weight, 0);
    const dayVolume = weekdayVolume * (DAY_FACTOR[day] as number);
    for (const slot of slots) {
      const mean = (dayVolume * slot.weight) / total;
      const ahtSeconds = Math.round(300 + 40 * Math.exp(-(((slot.hour - 9.5) / 2) ** 2)) + 20 * (random() - 0.5));
      intervals.push({ start: formatInstant(slot.ms, timeZone), volume: poisson(mean, random), ahtSeconds });
    }
  }
  return { intervalMinutes, timeZone, intervals };
}

/** Two peaks (about 10:30 and 14:30) over a base, tapering to the opening and closing hours. */
function dailyShape(hour: number, open: number, close: number): number {
  const peak = (centre: number, width: number, height: number) => height * Math.exp(-(((hour - centre) / width) ** 2));
  const ramp = Math.min(1, (hour - open) / 1.5, (close - hour) / 2);
  return Math.max(0.05, ramp) * (0.35 + peak(10.5, 1.4, 1) + peak(14.5, 1.6, 0.85));
}

export { mulberry32 };

/** A Poisson draw: Knuth's product method for small means, a rounded normal above 60. */
function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 60) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
