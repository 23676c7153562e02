import { describe, expect, it } from 'vitest';
import { csvNumber, detectDelimiter, parseCsv } from '../../src/formats/csv.js';
import { historyQueuesFromCsv } from '../../src/formats/history-csv.js';

const spec = { required: ['start', 'volume'], optional: ['aht_seconds'], what: 'history' };

describe('CSV files as spreadsheets write them', () => {
  it('detects comma, semicolon and tab separators from the header line (quotes ignored)', () => {
    expect(detectDelimiter('start,volume\n')).toBe(',');
    expect(detectDelimiter('start;volume;aht_seconds\r\n')).toBe(';');
    expect(detectDelimiter('start\tvolume\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });

  it('reads a semicolon file with decimal commas (European Excel) as the comma file it stands for', () => {
    const semicolon = parseCsv('start;volume;aht_seconds\n2026-03-02T08:00:00Z;12,5;1.234,5\n', spec);
    const comma = parseCsv('start,volume,aht_seconds\n2026-03-02T08:00:00Z,12.5,1234.5\n', spec);
    const row = (r: (typeof semicolon.rows)[number]) => [csvNumber(r, 'volume', 'h'), csvNumber(r, 'aht_seconds', 'h')];
    expect(row(semicolon.rows[0]!)).toEqual([12.5, 1234.5]);
    expect(row(semicolon.rows[0]!)).toEqual(row(comma.rows[0]!));
  });

  it('leaves an ambiguous "1.234" in a semicolon file as written (1.234), and a comma file never reads decimal commas', () => {
    const semicolon = parseCsv('start;volume\n2026-03-02T08:00:00Z;1.234\n', spec);
    expect(csvNumber(semicolon.rows[0]!, 'volume', 'h')).toBe(1.234);
    const comma = parseCsv('start,volume\n2026-03-02T08:00:00Z,"12,5"\n', spec);
    expect(() => csvNumber(comma.rows[0]!, 'volume', 'h')).toThrowError(/"12,5" is not a number/);
  });

  it('forecast history from a semicolon export equals the same history with commas', () => {
    const a = historyQueuesFromCsv('start;volume\n2026-03-02T08:00:00Z;3\n2026-03-02T08:30:00Z;4\n');
    const b = historyQueuesFromCsv('start,volume\n2026-03-02T08:00:00Z,3\n2026-03-02T08:30:00Z,4\n');
    expect(a).toEqual(b);
  });
});
