import { describe, expect, it } from 'vitest';
import { csvNumber, parseCsv, toCsv } from '../../src/formats/csv.js';

describe('parseCsv', () => {
  const spec = { required: ['start', 'volume'], optional: ['aht_seconds'], what: 'history' };

  it('reads rows with their file line numbers', () => {
    const { rows } = parseCsv('start,volume\n2026-01-05T08:00Z,12\n\n2026-01-05T08:15Z,9\n', spec);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(rows[1]?.cells.volume).toBe('9');
  });

  it('ignores an unknown column, with one note naming every such column', () => {
    const notes: string[] = [];
    const { columns, rows } = parseCsv('start,volume,colour,Queue Name\nx,1,red,Sales\n', {
      ...spec,
      onNote: (n) => notes.push(n),
    });
    expect(columns).toEqual(['start', 'volume']);
    expect(rows[0]?.cells).toEqual({ start: 'x', volume: '1' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/2 columns not used and ignored: "colour", "Queue Name"/);
  });

  it('rejects an unknown column by name when strict', () => {
    expect(() => parseCsv('start,volume,colour\nx,1,red\n', { ...spec, strict: true })).toThrowError(
      /Unknown column "colour"/,
    );
  });

  it('rejects a missing required column', () => {
    expect(() => parseCsv('start\nx\n', spec)).toThrowError(/no "volume" column/);
  });

  it('names line and column of a bad number', () => {
    const { rows } = parseCsv('start,volume\nx,abc\n', spec);
    expect(() => csvNumber(rows[0]!, 'volume', 'history')).toThrowError(
      /line 2, column "volume": "\S+" is not a number/,
    );
  });
});

describe('toCsv', () => {
  it('writes a header and renders non-finite numbers explicitly', () => {
    expect(
      toCsv(
        [
          { a: 1, b: Infinity },
          { a: 'x,y', b: Number.NaN },
        ],
        ['a', 'b'],
      ),
    ).toBe('a,b\n1,Infinity\n"x,y",\n');
  });
});
