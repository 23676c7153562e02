import { describe, expect, it } from 'vitest';
import { isWfmError } from '../../src/errors.js';
import { historyQueuesFromCsv } from '../../src/formats/history-csv.js';

const canonical = 'start,volume,aht_seconds\n2026-03-02T08:00:00Z,12,190\n2026-03-02T08:30:00Z,9,200\n';

describe('history CSV headers as exports write them', () => {
  it('reads "Interval Start, Offered, AHT" (a spreadsheet export) as start, volume, aht_seconds', () => {
    const excel = 'Interval Start,Offered,AHT\n2026-03-02T08:00:00Z,12,190\n2026-03-02T08:30:00Z,9,200\n';
    expect(historyQueuesFromCsv(excel)).toEqual(historyQueuesFromCsv(canonical));
  });

  it('reads the same export saved with semicolons and quoted headers', () => {
    const semicolon =
      '"Interval Start";"Calls Offered";"Average Handle Time"\n' +
      '2026-03-02T08:00:00Z;12;190\n2026-03-02T08:30:00Z;9;200\n';
    expect(historyQueuesFromCsv(semicolon)).toEqual(historyQueuesFromCsv(canonical));
  });

  it('names the missing count column when the file has starts but no volume (not "unknown column start")', () => {
    let error: unknown;
    try {
      historyQueuesFromCsv('start,aht_seconds\n2026-03-02T08:00:00Z,190\n');
    } catch (e) {
      error = e;
    }
    expect(isWfmError(error) && error.code).toBe('WFM_ERR_INPUT_CSV');
    expect((error as Error).message).toMatch(/no count per interval: add a "volume" column/);
    expect(isWfmError(error) && error.issues[0]?.message).toBe('missing column "volume"');
  });
});
