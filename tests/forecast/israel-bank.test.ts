import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { wapeOfRows } from '../../src/forecast/metrics.js';

// ../shared beside the repository (see /work/shared/forecast-data/israel-bank-1999/README.md).
const file = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'forecast-data',
  'israel-bank-1999',
  'israel_bank_30min.csv',
);
const present = existsSync(file);
if (!present) console.log(`israel-bank tests skipped: ${file} is absent`);

describe.skipIf(!present)('Israel-bank 1999 protocol (issue 3 anchors)', () => {
  const history = present
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [start, count] = line.split(',');
          return { start: start as string, volume: Number(count) };
        })
    : [];
  const actual = new Map(history.map((r) => [`${r.start}Z`, r.volume]));

  // Anchors measured on this protocol, quoted in issue 3: seasonal naive 25.2 %, 4-week average
  // 19.2 %, 8-week average 18.8 % mean WAPE over the weeks starting Saturday 1999-12-04 .. 12-25.
  it.each([
    ['snaive', 25.2],
    ['avg4', 19.2],
    ['avg8', 18.8],
  ] as const)('%s reproduces the anchor mean WAPE', (method, anchor) => {
    const wapes = ['1999-12-04', '1999-12-11', '1999-12-18', '1999-12-25'].map((start) => {
      const result = forecast(history, { timeZone: 'UTC', start, method, backtestOrigins: 3 });
      expect(result.intervals).toHaveLength(7 * 48);
      return wapeOfRows(result.intervals, actual);
    });
    expect(wapes.reduce((x, y) => x + y, 0) / 4).toBeCloseTo(anchor, 1);
  });
});
