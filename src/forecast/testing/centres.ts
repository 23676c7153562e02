import { LocalClock, epochDayOfDate, weekdayOf } from '../../time/local-time.js';
import { dayOfMonth } from '../methods/calendar.js';
import { Random } from './random.js';

/**
 * What a synthetic centre is made of (all drawn from its seed by `centreSpec`). Volumes follow
 * the structure measured on real call centres: a day-level random effect that persists from day
 * to day (an AR(1) in logs, after Weinberg, Brown & Stroud 2007, JASA 102:1185, and Brown et al.
 * 2005, JASA 100:36) times a weekday x intraday profile, with Poisson-gamma counts per interval
 * (mild over-dispersion within the day, Aldor-Noiman, Feigin & Mandelbaum 2009, AOAS 3:1403).
 */
export interface CentreSpec {
  name: string;
  seed: number;
  timeZone: string;
  intervalMinutes: 15 | 30;
  /** Open weekdays per week: 5 (Mon-Fri, or Sun-Thu in Asia/Jerusalem), 6 or 7. */
  daysPerWeek: 5 | 6 | 7;
  /** Mean contacts on a weekday at the start of the history. */
  dailyVolume: number;
  firstDate: string;
  days: number;
  /** Growth per year, e.g. 0.1 = +10 %/year (log-linear). */
  trendPerYear: number;
  /** Day index and log size of each permanent level shift. */
  levelShifts: { day: number; log: number }[];
  /** Amplitude of a yearly cycle (log), 0 for none. */
  yearlyAmplitude: number;
  /** Day-level effect: log AR(1) with this coefficient and marginal standard deviation. */
  dayPhi: number;
  daySd: number;
  /** Gamma shape of the interval-level multiplier (large = near Poisson). */
  intervalShape: number;
  /** Extra share of volume on pay days (0 = no pay-day effect) and which days of the month. */
  payDayLift: number;
  payDays: number[];
  /** Days (index) that are unlisted holidays, with the share of the usual volume that comes. */
  holidays: { day: number; share: number }[];
  /** Feed outages: days with no rows at all. */
  feedOutages: number[];
  /** System outages: [day, first slot, slots] where almost no contacts come. */
  systemOutages: { day: number; slot: number; slots: number }[];
}

/** A generated history as typed arrays (the `forecastMany` series form): epoch ms and counts. */
export interface CentreSeries {
  spec: CentreSpec;
  startMs: Float64Array;
  volume: Float64Array;
  /**
   * The expected count of each row without the day-level effect (the level, weekday, intraday,
   * holiday, pay-day and outage terms): what a forecaster that knew the centre could forecast
   * a week or more ahead, the floor of the design set's errors.
   */
  expected: Float64Array;
  /**
   * The same without the unlisted holidays and their catch-up days: what a forecaster that knew
   * everything of the centre except its unlisted holidays could forecast, the floor of any method
   * that cannot foresee them (the design set lists none).
   */
  expectedWithoutHolidays: Float64Array;
}

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Asia/Jerusalem',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];

/** The spec of centre number `seed` (1, 2, ...): every choice drawn from the seed. */
export function centreSpec(seed: number): CentreSpec {
  const r = new Random(seed * 7919 + 17);
  const days = 7 * r.int(56, 64);
  const firstDay = (epochDayOfDate('2024-01-01') as number) + r.int(0, 300);
  const holidays: { day: number; share: number }[] = [];
  const holidayDates = Array.from({ length: r.int(4, 10) }, () => r.int(0, 364));
  for (const d of holidayDates) {
    const share = r.next() < 0.4 ? 0 : r.uniform(0.05, 0.5);
    for (let y = d; y < days; y += 364) holidays.push({ day: y, share });
  }
  const levelShifts = Array.from({ length: r.int(0, 2) }, () => ({
    day: r.int(60, days - 21),
    log: r.normal() * 0.15,
  }));
  const payDays = r.pick([[1], [1, 2], [25, 26], [15, 30], [28, 1]]);
  return {
    name: `centre-${String(seed).padStart(2, '0')}`,
    seed,
    timeZone: r.pick(ZONES),
    intervalMinutes: r.next() < 0.6 ? 15 : 30,
    daysPerWeek: r.pick([5, 5, 6, 7, 7] as const),
    dailyVolume: Math.round(200 * Math.pow(250, r.next())),
    firstDate: dateOf(firstDay),
    days,
    trendPerYear: r.uniform(-0.15, 0.3),
    levelShifts,
    yearlyAmplitude: r.next() < 0.5 ? 0 : r.uniform(0.03, 0.12),
    dayPhi: r.uniform(0.2, 0.85),
    daySd: r.uniform(0.03, 0.12),
    intervalShape: Math.round(20 * Math.pow(25, r.next())),
    payDayLift: r.next() < 0.5 ? 0 : r.uniform(0.05, 0.3),
    payDays,
    holidays,
    feedOutages: r.next() < 0.3 ? [r.int(30, days - 10)] : [],
    systemOutages: Array.from({ length: r.int(0, 3) }, () => ({
      day: r.int(10, days - 5),
      slot: r.int(0, 40),
      slots: r.int(2, 12),
    })),
  };
}

function dateOf(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** Weekday (0 = Mon) weights and open hours [from, to) of a spec, drawn from its seed. */
function weekProfile(spec: CentreSpec, r: Random): { weight: number[]; open: [number, number][] } {
  const fiveDay = spec.timeZone === 'Asia/Jerusalem' ? [6, 0, 1, 2, 3] : [0, 1, 2, 3, 4];
  const weight = [0, 0, 0, 0, 0, 0, 0];
  const open: [number, number][] = Array.from({ length: 7 }, () => [0, 0]);
  const from = r.int(6, 9);
  const to = r.int(17, 22);
  const allDay = spec.daysPerWeek === 7 && r.next() < 0.3;
  for (const [k, w] of fiveDay.entries()) {
    weight[w] = k === 0 ? r.uniform(1.05, 1.3) : k === 4 ? r.uniform(0.8, 1) : r.uniform(0.92, 1.05);
    open[w] = allDay ? [0, 24] : [from, to];
  }
  const rest = [0, 1, 2, 3, 4, 5, 6].filter((w) => !fiveDay.includes(w));
  for (const [k, w] of rest.entries()) {
    if (k + 5 >= spec.daysPerWeek) continue;
    weight[w] = r.uniform(0.2, 0.7);
    open[w] = allDay ? [0, 24] : [from + r.int(0, 2), Math.min(to, from + r.int(6, 10))];
  }
  return { weight, open };
}

/** Intraday intensity of an open hour span: two peaks (late morning, mid afternoon) over a base. */
function intradayCurve(r: Random): (hour: number) => number {
  const am = r.uniform(9.5, 11.5);
  const pm = r.uniform(13.5, 16);
  const amW = r.uniform(1, 2);
  const pmW = r.uniform(0.5, 1.5);
  const width = r.uniform(1.2, 2.5);
  const base = r.uniform(0.1, 0.4);
  return (h) => base + amW * Math.exp(-(((h - am) / width) ** 2)) + pmW * Math.exp(-(((h - pm) / width) ** 2));
}

/**
 * The history of a centre: one row per interval in its zone (DST days have 23 or 25 hours of
 * rows), counts drawn as Poisson(mean x gamma) with the day-level and interval-level effects of
 * the spec; feed outages have no rows. Deterministic in the spec. O(days x intervals per day).
 */
export function generateCentre(spec: CentreSpec): CentreSeries {
  const r = new Random(spec.seed * 104_729 + 3);
  const clock = new LocalClock(spec.timeZone);
  const { weight, open } = weekProfile(spec, r);
  const curve = intradayCurve(r);
  const firstDay = epochDayOfDate(spec.firstDate) as number;
  const step = spec.intervalMinutes * 60_000;
  const weekdayMeanWeight = weight.reduce((a, b) => a + b, 0) / spec.daysPerWeek;
  const dayCurveSum = open.map(([from, to]) => {
    let sum = 0;
    for (let m = from * 60; m < to * 60; m += spec.intervalMinutes) sum += curve(m / 60);
    return sum;
  });
  const holidays = new Map(spec.holidays.map((h) => [h.day, h.share]));
  const feed = new Set(spec.feedOutages);
  const startMs: number[] = [];
  const volume: number[] = [];
  const expected: number[] = [];
  const withoutHolidays: number[] = [];
  let dayEffect = 0;
  const innovationSd = spec.daySd * Math.sqrt(1 - spec.dayPhi * spec.dayPhi);
  for (let d = 0; d < spec.days; d++) {
    dayEffect = spec.dayPhi * dayEffect + innovationSd * r.normal();
    const epochDay = firstDay + d;
    const w = weekdayOf(epochDay);
    let logLevel = Math.log(spec.dailyVolume / weekdayMeanWeight) + (spec.trendPerYear * d) / 365 + dayEffect;
    logLevel += spec.yearlyAmplitude * Math.sin((2 * Math.PI * d) / 365.25);
    for (const s of spec.levelShifts) if (d >= s.day) logLevel += s.log;
    let factor = (weight[w] as number) * (holidays.get(d) ?? 1);
    if (holidays.has(d - 1) && !holidays.has(d)) factor *= 1.15; // catch-up after a holiday
    const payDay = spec.payDays.includes(dayOfMonth(epochDay)) ? 1 + spec.payDayLift : 1;
    if (payDay > 1) factor *= payDay;
    const dayMean = Math.exp(logLevel) * factor;
    const usualDayMean = Math.exp(logLevel) * (weight[w] as number) * payDay;
    const [from, to] = open[w] as [number, number];
    const outage = spec.systemOutages.find((o) => o.day === d);
    const dayStart = clock.dayStartMs(epochDay);
    const dayEnd = clock.dayStartMs(epochDay + 1);
    const plainDay = dayEnd - dayStart === 86_400_000;
    for (let t = dayStart; t < dayEnd; t += step) {
      const minute = plainDay ? (t - dayStart) / 60_000 : clock.toLocal(t).minuteOfDay;
      const slot = Math.floor(minute / spec.intervalMinutes);
      const isOpen = minute >= from * 60 && minute < to * 60;
      let mean = isOpen ? (dayMean * curve(minute / 60)) / (dayCurveSum[w] as number) : 0;
      let usualMean = isOpen ? (usualDayMean * curve(minute / 60)) / (dayCurveSum[w] as number) : 0;
      if (outage && slot >= outage.slot && slot < outage.slot + outage.slots) {
        mean *= 0.02;
        usualMean *= 0.02;
      }
      const count = mean > 0 ? r.poisson(mean * r.gammaMeanOne(spec.intervalShape)) : 0;
      if (feed.has(d)) continue;
      startMs.push(t);
      volume.push(count);
      expected.push(mean * Math.exp(-dayEffect));
      withoutHolidays.push(usualMean * Math.exp(-dayEffect));
    }
  }
  return {
    spec,
    startMs: Float64Array.from(startMs),
    volume: Float64Array.from(volume),
    expected: Float64Array.from(expected),
    expectedWithoutHolidays: Float64Array.from(withoutHolidays),
  };
}

/** The design set: centres 1..count. */
export function designCentres(count = 40, firstSeed = 1): CentreSpec[] {
  return Array.from({ length: count }, (_, k) => centreSpec(firstSeed + k));
}
