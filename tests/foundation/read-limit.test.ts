import { afterAll, describe, expect, it } from 'vitest';
import { readHistoryQueues } from '../../src/io/history-files.js';
import { MAX_HISTORY_ROWS } from '../../src/contracts/forecast.js';
import { readInputFile } from '../../src/io/files.js';
import { tempDir } from '../staffing/cli-harness.js';

// Three times the row limit. The rows need not be valid: the limit is checked while reading,
// before any row is parsed (a file far over it costs the limit's time and memory, not the file's).
const rows = 3 * MAX_HISTORY_ROWS;
const files = tempDir({
  'big.csv': `start,volume\n${'not-a-time,1\n'.repeat(rows)}`,
  'big.json': `[${'{"start":"x","volume":1},'.repeat(rows * 12)}]`,
  'three.csv': 'start,volume\r\n\r\na,1\r\n\r\nb,2\n\nc,3\n\n',
  'four.csv': 'start,volume\na,1\nb,2\nc,3\nd,4',
});
afterAll(() => files.cleanup());

describe('an oversized history is refused while it is read', () => {
  it('stops reading a CSV once it holds more rows than the limit, and says so', () => {
    let message = '';
    try {
      readHistoryQueues(files.path('big.csv'));
    } catch (error) {
      message = `${(error as { code: string }).code}: ${(error as Error).message}`;
    }
    expect(message).toMatch(/^WFM_ERR_INPUT_TOO_LARGE: .*big\.csv: the history holds more than 500,000 rows/);
    const stoppedAt = Number(/stopped reading after ([\d,]+) rows/.exec(message)?.[1]?.replace(/,/g, ''));
    expect(stoppedAt).toBeGreaterThan(MAX_HISTORY_ROWS);
    expect(stoppedAt).toBeLessThan(rows); // it did not read the whole file
  });

  it('refuses a JSON history by its bytes (256 per row) before parsing it', () => {
    expect(() => readHistoryQueues(files.path('big.json'))).toThrowError(
      /holds more than 500,000 rows \(stopped reading after [\d,]+ bytes of JSON\)/,
    );
  });

  it('counts rows, not blank lines or the header', () => {
    const limit = { maxRows: 3, what: 'history' };
    expect(readInputFile(files.path('three.csv'), '--history', limit)).toContain('c,3');
    expect(() => readInputFile(files.path('four.csv'), '--history', limit)).toThrowError(/more than 3 rows/);
  });
});
