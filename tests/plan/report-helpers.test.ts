/** Report helpers: axis tops, active-hours trimming, escaping. Expected values computed by hand. */
import { describe, expect, it } from 'vitest';
import { activeRows } from '../../src/report/charts.js';
import { esc, niceMax } from '../../src/report/svg.js';

describe('niceMax', () => {
  it('rounds up to 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8 or 10 times a power of ten', () => {
    // By hand: 105 -> 120 (1.2 x 100); 100 -> 100; 7 -> 8; 0.31 -> 0.4; 2500 -> 3000; 0 -> 1.
    expect(niceMax(105)).toBe(120);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(0.31)).toBeCloseTo(0.4, 12);
    expect(niceMax(2500)).toBe(3000);
    expect(niceMax(0)).toBe(1);
  });
});

describe('activeRows', () => {
  it('keeps each day from its first to its last active row, and drops inactive days', () => {
    const rows = [
      { start: '2026-06-01T00:00', v: 0 },
      { start: '2026-06-01T08:00', v: 3 },
      { start: '2026-06-01T12:00', v: 0 },
      { start: '2026-06-01T16:00', v: 2 },
      { start: '2026-06-01T23:00', v: 0 },
      { start: '2026-06-02T08:00', v: 0 },
    ];
    expect(activeRows(rows, (r) => r.v > 0).map((r) => r.start)).toEqual([
      '2026-06-01T08:00',
      '2026-06-01T12:00',
      '2026-06-01T16:00',
    ]);
    expect(activeRows(rows, () => false)).toHaveLength(rows.length); // nothing active: draw everything
  });
});

describe('esc', () => {
  it('escapes markup and quotes', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
