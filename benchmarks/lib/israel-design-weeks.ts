import { readFileSync } from 'node:fs';
/**
 * The Israel-bank design weeks (forecast-validation.bench.ts): Saturdays before the benchmark weeks
 * (1999-12-04 on) whose week holds no Jewish holiday. The benchmark weeks are never among them.
 */
export const ISRAEL_HOLIDAYS_1999 = [
  '1999-04-01',
  '1999-04-06',
  '1999-04-07',
  '1999-05-21',
  '1999-09-11',
  '1999-09-12',
  '1999-09-20',
  '1999-09-25',
  '1999-09-26',
  '1999-09-27',
  '1999-09-28',
  '1999-09-29',
  '1999-09-30',
  '1999-10-01',
  '1999-10-02',
];

/** Saturdays from `from` to 1999-11-27 whose week holds no holiday. */
export function israelDesignTargets(from = '1999-05-01'): string[] {
  const DAY_MS = 86_400_000;
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.UTC(1999, 11, 4); t += 7 * DAY_MS) {
    const week = Array.from({ length: 7 }, (_, k) => iso(t + k * DAY_MS));
    if (!week.some((d) => ISRAEL_HOLIDAYS_1999.includes(d))) out.push(iso(t));
  }
  return out;
}

/** Saturdays from `from` to 1999-11-27 whose week holds a holiday (the weeks `israelDesignTargets` leaves out). */
export function israelHolidayWeeks(from = '1999-03-06'): string[] {
  const plain = new Set(israelDesignTargets(from));
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.UTC(1999, 11, 4); t += 7 * 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (!plain.has(day)) out.push(day);
  }
  return out;
}

/** The Israel-bank 30-minute series (`start,count` rows, UTC starts without an offset) as history rows. */
export function readIsraelSeries(file: string): { start: string; volume: number }[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [start, count] = l.split(',');
      return { start: start as string, volume: Number(count) };
    });
}
