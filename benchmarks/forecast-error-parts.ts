/**
 * Where `daylevel`'s error on the synthetic centres comes from (issue 18), run by hand:
 * `npx tsx benchmarks/forecast-error-parts.ts` (under a minute; `DESIGN_CENTRES=40`).
 * One week ahead at each centre's 8 target weeks, the WAPE of: `daylevel`; its intraday profile
 * times the actual day totals (the profile's error); its day totals times the expected counts'
 * profile (the totals' error); the expected counts (the floor), and the expected counts without
 * the unlisted holidays (the floor of a method that cannot foresee them). Weeks holding an
 * unlisted holiday or its catch-up day (`.holiday`) and the others (`.other`) apart.
 */
import { runMethods, type Training } from '../src/forecast/engine.js';
import { scoreWindow } from '../src/forecast/metrics.js';
import { designCentres } from '../src/forecast/testing/centres.js';
import { syntheticCentre } from './lib/forecast-design.js';

/** `f` rescaled day by day to the totals of `to` (over the slots where `a` is known). */
function rescaled(f: Float64Array, to: Float64Array, a: Float64Array, S: number): Float64Array {
  const out = new Float64Array(f.length);
  for (let d = 0; d < f.length / S; d++) {
    let fs = 0;
    let ts = 0;
    for (let s = d * S; s < (d + 1) * S; s++)
      if (!Number.isNaN(a[s] as number)) {
        fs += f[s] as number;
        ts += to[s] as number;
      }
    for (let s = d * S; s < (d + 1) * S; s++) out[s] = fs > 0 ? ((f[s] as number) * ts) / fs : 0;
  }
  return out;
}

const parts = new Map<string, number[]>();
const push = (key: string, v: number): void => void parts.set(key, [...(parts.get(key) ?? []), v]);
for (const spec of designCentres(Number(process.env.DESIGN_CENTRES ?? 40))) {
  const c = syntheticCentre(spec);
  const S = c.full.slotsPerDay;
  for (const T of c.targets) {
    const t: Training = { ...c.full, train: c.full.train.subarray(0, T * S), days: T };
    const f = runMethods(t, 7, ['daylevel']).get('daylevel') as Float64Array;
    const a = c.full.train.subarray(T * S, (T + 7) * S);
    const e = (c.expected as Float64Array).subarray(T * S, (T + 7) * S);
    const noHolidays = (c.expectedWithoutHolidays as Float64Array).subarray(T * S, (T + 7) * S);
    let holiday = false;
    for (let d = T; d < T + 7; d++) if (c.holidayDays?.has(d)) holiday = true;
    const wape = (x: Float64Array): number => scoreWindow(x, a, 1).wape;
    const row: [string, number][] = [
      ['daylevel', wape(f)],
      ['daylevel profile x actual totals', wape(rescaled(f, a, a, S))],
      ['daylevel totals x expected profile', wape(rescaled(e, f, a, S))],
      ['expected profile x actual totals', wape(rescaled(e, a, a, S))],
      ['expected counts (floor)', wape(e)],
      ['expected counts without holidays', wape(noHolidays)],
    ];
    for (const [k, v] of row) {
      push(k, v);
      push(`${k}.${holiday ? 'holiday' : 'other'}`, v);
    }
  }
}
for (const [k, v] of [...parts].sort(([x], [y]) => x.localeCompare(y)))
  console.log(
    `${k.padEnd(44)} ${String(v.length).padStart(4)} weeks  ${(v.reduce((x, y) => x + y, 0) / v.length).toFixed(2)}`,
  );
