/**
 * AHT accuracy on real call records (issue 18): the Israel-bank call log of February 1999
 * (../shared/contact-data/israel-bank-1999-02-calls). Per call type, the calls served by an agent
 * (outcome AGENT, a named server, service time > 0) are contact rows (arrival = VRU exit, local
 * Israel time; handle = service seconds). From each weekly origin (Mondays 02-08, 02-15, 02-22:
 * 1, 2 and 3 weeks of history) `forecast()` gives the AHT of every interval of the next week
 * (`ahtProfile`: volume-weighted per weekday and interval, shrunk toward the interval's
 * all-weekday AHT and then the overall AHT where volume is thin). It is scored against the actual
 * mean handle time of the calls of each interval, beside the plain mean of the same weekday and
 * interval over the same history (falling back, where that cell had no call, to the interval's
 * mean over all weekdays and then the overall mean, without any shrinking).
 *
 * AHT WAPE = sum over intervals of calls x |forecast - actual AHT| / sum of handle seconds: the
 * share of the week's workload misstated by the AHT forecast (volume-weighted, so thin intervals
 * count as little as they weigh in staffing).
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { forecast } from '../../src/forecast/forecast.js';

export const AHT_ORIGINS = ['1999-02-08', '1999-02-15', '1999-02-22'];
const ZONE = 'Asia/Jerusalem';

interface Call {
  type: string;
  ms: number;
  handle: number;
}

export function readCalls(file: string): Call[] {
  const lines = readFileSync(file, 'utf8').replace(/\r/g, '').trim().split('\n');
  const head = (lines[0] as string).split('\t');
  const col = (name: string): number => head.indexOf(name);
  const [iType, iDate, iExit, iOutcome, iSer, iServer] = [
    'type',
    'date',
    'vru_exit',
    'outcome',
    'ser_time',
    'server',
  ].map(col) as [number, number, number, number, number, number];
  const calls: Call[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    if (f[iOutcome] !== 'AGENT' || f[iServer] === 'NO_SERVER') continue;
    const handle = Number(f[iSer]);
    if (!(handle > 0)) continue;
    const d = f[iDate] as string;
    const [h, m, s] = (f[iExit] as string).split(':').map(Number) as [number, number, number];
    const dt = DateTime.fromObject(
      {
        year: 1900 + Number(d.slice(0, 2)) + (Number(d.slice(0, 2)) < 50 ? 100 : 0),
        month: Number(d.slice(2, 4)),
        day: Number(d.slice(4, 6)),
        hour: h,
        minute: m,
        second: s,
      },
      { zone: ZONE },
    );
    calls.push({ type: f[iType] as string, ms: dt.toMillis(), handle });
  }
  return calls;
}

export interface AhtScore {
  type: string;
  calls: number;
  /** Per origin and mean: AHT WAPE of the engine's forecast and of the plain mean, percent. */
  forecastWape: number[];
  plainWape: number[];
  meanForecastWape: number;
  meanPlainWape: number;
}

/** Scores every call type at `intervalMinutes` from the three origins. */
export function ahtAccuracy(calls: readonly Call[], intervalMinutes: 15 | 30 = 30): AhtScore[] {
  const types = [...new Set(calls.map((c) => c.type))].sort();
  const step = intervalMinutes * 60_000;
  const out: AhtScore[] = [];
  for (const type of types) {
    const mine = calls.filter((c) => c.type === type).sort((a, b) => a.ms - b.ms);
    const rows = mine.map((c) => ({ timestamp: c.ms, handleSeconds: c.handle }));
    const fw: number[] = [];
    const pw: number[] = [];
    for (const origin of AHT_ORIGINS) {
      const startMs = DateTime.fromISO(origin, { zone: ZONE }).toMillis();
      const endMs = startMs + 7 * 86_400_000;
      const result = forecast(rows, { timeZone: ZONE, start: origin, method: 'snaive', intervalMinutes });
      const fc = new Map(result.intervals.map((r) => [Date.parse(r.start), r.ahtSeconds as number]));
      const plain = plainMeans(
        mine.filter((c) => c.ms < startMs),
        step,
      );
      const actual = new Map<number, { n: number; work: number }>();
      for (const c of mine) {
        if (c.ms < startMs || c.ms >= endMs) continue;
        const t = Math.floor(c.ms / step) * step;
        const cell = actual.get(t) ?? { n: 0, work: 0 };
        cell.n++;
        cell.work += c.handle;
        actual.set(t, cell);
      }
      let work = 0;
      let errF = 0;
      let errP = 0;
      for (const [t, cell] of actual) {
        const a = cell.work / cell.n;
        work += cell.work;
        errF += cell.n * Math.abs((fc.get(t) ?? Number.NaN) - a);
        errP += cell.n * Math.abs(plain(t) - a);
      }
      fw.push((100 * errF) / work);
      pw.push((100 * errP) / work);
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    out.push({
      type,
      calls: mine.length,
      forecastWape: fw,
      plainWape: pw,
      meanForecastWape: mean(fw),
      meanPlainWape: mean(pw),
    });
  }
  return out;
}

/** Plain mean handle time of (local weekday, interval), else (interval), else overall. */
function plainMeans(history: readonly Call[], step: number): (t: number) => number {
  const key = (ms: number): { w: number; s: number } => {
    const dt = DateTime.fromMillis(ms, { zone: ZONE });
    return { w: dt.weekday, s: Math.floor((dt.hour * 60 + dt.minute) / (step / 60_000)) };
  };
  const cell = new Map<string, { n: number; sum: number }>();
  const add = (k: string, h: number): void => {
    const c = cell.get(k) ?? { n: 0, sum: 0 };
    c.n++;
    c.sum += h;
    cell.set(k, c);
  };
  for (const c of history) {
    const { w, s } = key(c.ms);
    add(`${w}:${s}`, c.handle);
    add(`*:${s}`, c.handle);
    add('*', c.handle);
  }
  const get = (k: string): number | undefined => {
    const c = cell.get(k);
    return c ? c.sum / c.n : undefined;
  };
  return (t) => {
    const { w, s } = key(t);
    return get(`${w}:${s}`) ?? get(`*:${s}`) ?? get('*') ?? Number.NaN;
  };
}
