/**
 * Design data for the forecasting methods (issue 3): the same protocol as forecast-accuracy
 * (Israel-bank 1999, 30-minute counts, one week ahead from a Saturday, only the data before it),
 * at the weekly origins BEFORE the benchmark weeks: Saturdays 1999-03-06 .. 11-27, leaving out
 * the weeks that hold a Jewish holiday (Passover, Shavuot, Rosh Hashana, Yom Kippur, Sukkot to
 * Simchat Torah; their training windows still hold them). Settings of shape and calendar, the
 * members of combo and the auto rule were chosen on these origins; see docs/forecast.md.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { forecast } from '../src/forecast/forecast.js';
import { wapeOfRows } from '../src/forecast/metrics.js';
import { FORECAST_METHODS, type ForecastMethodChoice } from '../src/forecast/types.js';
import { ISRAEL_HOLIDAYS_1999, readIsraelSeries } from './lib/israel-design-weeks.js';
import { SHARED_DIR, writeResult } from './lib/report.js';

const file = join(SHARED_DIR, 'forecast-data', 'israel-bank-1999', 'israel_bank_30min.csv');
if (!existsSync(file)) {
  console.log(`forecast-validation: skipped, ${file} is absent.`);
  process.exit(0);
}
const history = readIsraelSeries(file);
const actual = new Map(history.map((r) => [`${r.start}Z`, r.volume]));

const HOLIDAYS = ISRAEL_HOLIDAYS_1999;
const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const origins: string[] = [];
for (let t = Date.UTC(1999, 2, 6); t < Date.UTC(1999, 11, 4); t += 7 * DAY_MS) {
  const week = Array.from({ length: 7 }, (_, k) => iso(t + k * DAY_MS));
  if (!week.some((d) => HOLIDAYS.includes(d))) origins.push(iso(t));
}

const choices: ForecastMethodChoice[] = [...FORECAST_METHODS, 'auto'];
const wapes: Record<string, number[]> = {};
const picks: string[] = [];
for (const origin of origins) {
  for (const method of choices) {
    const result = forecast(history, { timeZone: 'UTC', start: origin, weeks: 1, method });
    (wapes[method] ??= []).push(wapeOfRows(result.intervals, actual));
    if (method === 'auto') picks.push(result.methods.join('+'));
  }
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const rows = Object.entries(wapes).map(([method, w]) => ({
  method,
  meanWape: r2(mean(w)),
  meanWapeFromMay: r2(mean(w.filter((_, i) => (origins[i] as string) >= '1999-05-08'))),
  wapePerOrigin: w.map(r2),
}));
for (const r of rows)
  console.log(
    `${r.method.padEnd(8)} mean WAPE ${r.meanWape} (${origins.length} origins), from 1999-05-08 ${r.meanWapeFromMay}`,
  );
const counts: Record<string, number> = {};
for (const p of picks) counts[p] = (counts[p] ?? 0) + 1;
console.log('auto chose', counts);
writeResult({
  name: 'forecast-validation',
  description:
    'Israel-bank 1999 30-min: week-ahead from the Saturdays 1999-03-06..11-27 without holiday weeks (design data, before the benchmark weeks)',
  size: { origins: origins.length, intervalsPerWeek: 336 },
  metrics: Object.fromEntries(rows.map((r) => [`${r.method}MeanWape`, r.meanWape])),
  details: { origins, methods: rows, autoChosen: picks, holidayWeeksLeftOut: HOLIDAYS },
});
