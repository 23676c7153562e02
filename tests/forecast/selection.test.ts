import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { EQUAL_POOL2_RULE, PAIRED_DAYLEVEL_RULE, pairedGain, selectMethods } from '../../src/forecast/select.js';
import { centreSpec, designCentres, generateCentre } from '../../src/forecast/testing/centres.js';
import { buildGrid } from '../../src/forecast/history.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

const table = (entries: [ForecastMethod, number[]][]): Map<ForecastMethod, number[]> => new Map(entries);

describe('selectMethods (auto)', () => {
  // Means: daylevel 9.5333, calendar 9.8667, avg4 10.3333, avg8 10.8333 (hand computation).
  const wapes: [ForecastMethod, number[]][] = [
    ['avg4', [10, 11, 9, 10, 12, 10]],
    ['avg8', [10.5, 11.5, 9.5, 10.5, 12.5, 10.5]],
    ['daylevel', [9, 10.2, 8.5, 9.1, 11, 9.4]],
    ['calendar', [9.5, 10.5, 8.8, 9.6, 11.4, 9.4]],
  ];

  it('auto pools the three best methods by mean backtest WAPE, weighted by mean WAPE^-8', () => {
    const pick = selectMethods(table(wapes));
    expect(pick?.members).toEqual(['daylevel', 'calendar', 'avg4']);
    // 9.5333^-8 : 9.8667^-8 : 10.3333^-8, normalised: 0.43774, 0.33251, 0.22975 (hand computation).
    const expected = [0.43774, 0.33251, 0.22975];
    pick?.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] as number, 4));
    expect(pick?.reason).toMatch(/weights daylevel 0\.44, calendar 0\.33, avg4 0\.23/);
  });

  it('a pool shrunk toward the averages gives the better of avg4 and avg8 the shrinkage weight on top', () => {
    const rule = { ...EQUAL_POOL2_RULE, pool: { size: 2, maxRatio: 1.15, shrink: 0.2 } };
    const pick = selectMethods(table(wapes), rule);
    // daylevel and calendar at 0.5 x 0.8 = 0.4 each, avg4 (10.33 < avg8 10.83) at 0.2.
    expect(pick?.members).toEqual(['daylevel', 'calendar', 'avg4']);
    pick?.weights.forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.4, 0.2][i] as number, 12));
  });

  it('(equal pool of two) the second only within 15 % of the best', () => {
    const pick = selectMethods(table(wapes), EQUAL_POOL2_RULE);
    expect(pick?.members).toEqual(['daylevel', 'calendar']);
    expect(pick?.weights).toEqual([0.5, 0.5]);
    // calendar at 1.3 x its WAPEs (mean 12.83) is beyond 1.15 x 9.53 = 10.96: avg4 (10.33) is second.
    const far = wapes.map(([m, w]): [ForecastMethod, number[]] => [m, m === 'calendar' ? w.map((x) => x * 1.3) : w]);
    expect(selectMethods(table(far), EQUAL_POOL2_RULE)?.members).toEqual(['daylevel', 'avg4']);
    const alone = selectMethods(table([wapes[2] as [ForecastMethod, number[]], ['snaive', [20, 20, 20, 20, 20, 20]]]));
    expect(alone?.members).toEqual(['daylevel']);
  });

  it('(paired rule) keeps the better plain average when no method beats it consistently', () => {
    // daylevel wins big at one origin and loses at the other five: a lower mean, but no consistent gain.
    const pick = selectMethods(
      table([
        ['avg4', [10, 11, 9, 10, 12, 10]],
        ['avg8', [10.2, 10.8, 9.3, 10.1, 12.2, 10.4]],
        ['daylevel', [2, 11.2, 9.4, 10.3, 12.5, 10.1]],
        ['snaive', [14, 15, 13, 15, 16, 14]],
      ]),
      PAIRED_DAYLEVEL_RULE,
    );
    expect(pick?.members).toEqual(['avg4']);
    expect(pick?.reason).toMatch(/no method beat it consistently/);
  });

  it('(paired rule) takes a challenger that beats the baseline at most origins', () => {
    const pick = selectMethods(
      table([
        ['avg4', [10, 11, 9, 10, 12, 10]],
        ['avg8', [10.5, 11.5, 9.5, 10.5, 12.5, 10.5]],
        ['daylevel', [9, 10.2, 8.5, 9.1, 11, 9.4]],
      ]),
      PAIRED_DAYLEVEL_RULE,
    );
    expect(pick?.members[0]).toBe('daylevel');
    expect(pick?.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('(paired rule) never leaves a tie: an equal challenger does not replace the average', () => {
    const same = [5, 5, 5, 5];
    expect(
      selectMethods(
        table([
          ['avg8', same],
          ['avg4', same],
          ['dshw', same],
        ]),
        PAIRED_DAYLEVEL_RULE,
      )?.members,
    ).toEqual(['avg8']);
  });

  it('pairedGain: mean difference, t = mean / (sd / sqrt n), share of wins', () => {
    // d = [1, 2, 3]: mean 2, sd 1, t = 2 / (1 / sqrt 3) = 3.4641 (hand computation).
    const p = pairedGain([11, 12, 13], [10, 10, 10]);
    expect(p.gain).toBeCloseTo(2, 12);
    expect(p.t).toBeCloseTo(2 * Math.sqrt(3), 12);
    expect(p.winShare).toBe(1);
  });

  it('forecast(): where the plain averages are exact, auto pools exact methods only (backtest WAPE 0)', () => {
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern);
    const result = forecast(rows, {});
    expect(result.methods).toContain('avg4');
    for (const m of result.methods) expect(result.report.methods.find((r) => r.method === m)?.meanWape).toBe(0);
    expect(result.backtestWape).toBe(0);
  });
});

describe('the design-set generator', () => {
  it('is deterministic: the same seed gives the same centre, another seed another one', () => {
    const a = generateCentre(centreSpec(7));
    const b = generateCentre(centreSpec(7));
    expect(a.spec).toEqual(b.spec);
    expect(a.startMs).toEqual(b.startMs);
    expect(a.volume).toEqual(b.volume);
    expect(generateCentre(centreSpec(8)).volume).not.toEqual(a.volume);
  });

  it('covers the ranges of issue 18: 200-50,000 a day, 15/30-minute grids, 5-7 day weeks, DST zones', () => {
    const specs = designCentres(40);
    for (const s of specs) {
      expect(s.dailyVolume).toBeGreaterThanOrEqual(200);
      expect(s.dailyVolume).toBeLessThanOrEqual(50_000);
    }
    expect(new Set(specs.map((s) => s.intervalMinutes))).toEqual(new Set([15, 30]));
    expect(new Set(specs.map((s) => s.daysPerWeek))).toEqual(new Set([5, 6, 7]));
    expect(specs.some((s) => s.timeZone === 'Europe/London' || s.timeZone === 'America/New_York')).toBe(true);
    expect(specs.filter((s) => s.levelShifts.length > 0).length).toBeGreaterThan(10);
  });

  it('gives the expected counts without the unlisted holidays: the floor of a method that cannot foresee them', () => {
    // The generator's holiday rule (centres.ts): a holiday gets `share` of the usual volume, the
    // day after it 1.15 times; every other day is the same with and without the holidays.
    const series = generateCentre(centreSpec(2));
    const { spec } = series;
    const dayTotals = (values: Float64Array): number[] => {
      const rows = Array.from(series.startMs, (t, i) => ({ start: t, volume: values[i] as number }));
      const grid = buildGrid(rows, spec.timeZone, undefined);
      return Array.from({ length: grid.days }, (_, d) =>
        grid.volume.subarray(d * grid.slotsPerDay, (d + 1) * grid.slotsPerDay).reduce((a, v) => a + (v || 0), 0),
      );
    };
    const withHolidays = dayTotals(series.expected);
    const without = dayTotals(series.expectedWithoutHolidays);
    const share = new Map(spec.holidays.map((h) => [h.day, h.share]));
    expect(spec.holidays.some((h) => h.share === 0)).toBe(true);
    let checked = 0;
    without.forEach((usual, d) => {
      const expected = share.has(d) ? usual * (share.get(d) as number) : share.has(d - 1) ? usual * 1.15 : usual;
      expect(withHolidays[d]).toBeCloseTo(expected, 6);
      if (share.has(d) && usual > 0) checked++;
    });
    expect(checked).toBeGreaterThan(3);
  });
});

describe('per-horizon choice (weeks > 1)', () => {
  const series = generateCentre(centreSpec(2));
  const rows = Array.from(series.startMs, (t, i) => ({ start: t, volume: series.volume[i] as number }));
  const options = { timeZone: series.spec.timeZone, weeks: 3 };
  const result = forecast(rows, options);

  it('backtests each week ahead at origins whose week ends by the end of the history', () => {
    expect(result.report.horizons.map((h) => h.week)).toEqual([1, 2, 3]);
    const DAY = 86_400_000;
    const end = Date.parse(`${result.report.horizons[0]?.origins.at(-1) as string}T00:00:00Z`) + 7 * DAY;
    for (const h of result.report.horizons) {
      expect(h.origins).toHaveLength(6);
      // The last origin of week k is k - 1 weeks before week 1's last origin: week k ends at the same day.
      const last = Date.parse(`${h.origins.at(-1) as string}T00:00:00Z`);
      expect(last + 7 * h.week * DAY).toBe(end);
      expect(h.chosen.length).toBeGreaterThan(0);
      expect(h.backtestWape).not.toBeNull();
    }
  });

  // Each member's fixed-method forecast, run once however many weeks pool it.
  const fixedRuns = new Map<ForecastMethod, { start: string; volume: number }[]>();
  const fixedRun = (m: ForecastMethod): { start: string; volume: number }[] => {
    const hit = fixedRuns.get(m) ?? forecast(rows, { ...options, method: m }).intervals;
    fixedRuns.set(m, hit);
    return hit;
  };

  it('forecasts week k with the method chosen for week k', { timeout: 180_000 }, () => {
    // The local date is the first 10 characters of a start written with the zone's offset.
    const localDay = (start: string): number => Date.parse(start.slice(0, 10)) / 86_400_000;
    const firstDay = localDay(result.intervals[0]?.start as string);
    for (const h of result.report.horizons) {
      // Weights are reported rounded to 0.001 each, so their sum is 1 within 0.0005 per member.
      expect(Math.abs(h.weights.reduce((x, y) => x + y, 0) - 1)).toBeLessThanOrEqual(0.0005 * h.weights.length + 1e-12);
      const inWeek = (start: string): boolean => Math.floor((localDay(start) - firstDay) / 7) === h.week - 1;
      const mine = result.intervals.filter((r) => inWeek(r.start)).map((r) => r.volume);
      // The weighted mean of each member asked for by name. Outputs are rounded to 0.001 each and the
      // reported weights to 0.001: the gap is at most 0.0005 per output plus 0.0005 x each member's value.
      const theirs = new Array<number>(mine.length).fill(0);
      const slack = new Array<number>(mine.length).fill(0.0005 * (h.chosen.length + 1) + 1e-9);
      h.chosen.forEach((m, i) => {
        const fixed = fixedRun(m).filter((r) => inWeek(r.start));
        fixed.forEach((r, j) => {
          theirs[j] = (theirs[j] as number) + (h.weights[i] as number) * r.volume;
          slack[j] = (slack[j] as number) + 0.0005 * r.volume;
        });
      });
      expect(mine.length).toBeGreaterThan(0);
      for (let j = 0; j < mine.length; j++)
        expect(Math.abs((mine[j] as number) - (theirs[j] as number))).toBeLessThanOrEqual(slack[j] as number);
    }
  });
});

describe('weeks beyond the backtests', () => {
  it('a week too far ahead for any backtest origin takes the previous week’s choice', () => {
    // 21 days of hourly history: origins at days 7 and 14 (each leaves a week of training); week 2
    // is scored at day 7 only (7 + 14 <= 21), week 3 nowhere (it would need an origin at day 0).
    const rows = syntheticRows('2026-01-05', 21, 'UTC', 60, weeklyPattern);
    const result = forecast(rows, { weeks: 3 });
    const [w1, w2, w3] = result.report.horizons;
    expect(w1?.origins).toEqual(['2026-01-12', '2026-01-19']);
    expect(w2?.origins).toEqual(['2026-01-12']);
    expect(w3?.origins).toEqual([]);
    expect(w3?.chosen).toEqual(w2?.chosen);
    expect(w3?.reason).toMatch(/as week 2/);
  });
});
