/**
 * The fast reader of `POST /v1/staffing` bodies (src/api/staffing-fast-body.ts) against the
 * ordinary path (JSON.parse + StaffingRequestSchema + parseInstant): whenever the fast path
 * answers, the schema accepts the body too, with the same values; it takes the common shape in
 * any key order, spacing and number spelling; and it reads starts exactly as parseInstant does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFastStaffingBody } from '../../src/api/staffing-fast-body.js';
import { readIsoStart } from '../../src/time/iso-bytes.js';
import { fastHeadcountView } from '../../src/api/staffing-headcount.js';
import { StaffingRequestSchema } from '../../src/contracts/staffing.js';
import { parseInstant } from '../../src/time/instant.js';
import { bodySpec, bodyEdits, editExtras, startText, writeBody } from './staffing-bodies.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** The ordinary path's reading of a body: the schema's output, or undefined when it refuses. */
function ordinary(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = StaffingRequestSchema.safeParse(json);
  return result.success ? result.data : undefined;
}

/**
 * The fast path (reader + the headcount view's grid check) against the schema: whenever the fast
 * path answers, the schema accepts the body; whenever both read it, the values are the same.
 * (The reader alone leaves repeated starts to the grid check: the same text is the same instant.)
 */
function expectSameAsSchema(text: string): 'fast' | 'ordinary' {
  const fast = readFastStaffingBody(bytes(text));
  const answered =
    fast !== undefined && fastHeadcountView(fast, { maxIntervals: Infinity, maxAgents: Infinity }) !== undefined;
  const slow = ordinary(text);
  if (answered) expect(slow, `the fast path accepted what the schema refuses: ${text.slice(0, 300)}`).toBeDefined();
  if (fast === undefined || slow === undefined) return answered ? 'fast' : 'ordinary';
  expect(slow.model).toBe('erlang-c');
  expect(slow.volumeQuantile === undefined || slow.volumeQuantile === 'p50').toBe(true);
  expect(fast.intervalMinutes).toBe(slow.intervalMinutes);
  expect(fast.timeZone).toBe(slow.timeZone);
  expect(JSON.stringify(fast.target)).toBe(JSON.stringify(slow.target)); // values and key order
  expect(fast.shrinkage).toBe(slow.shrinkage);
  expect(fast.count).toBe(slow.intervals.length);
  slow.intervals.forEach((row, i) => {
    expect(row.agents).toBeUndefined();
    expect(Object.is(fast.volume[i], row.volume)).toBe(true);
    expect(Object.is(fast.ahtSeconds[i], row.ahtSeconds)).toBe(true);
    expect(fast.startMs[i]).toBe(parseInstant(row.start, slow.timeZone ?? 'UTC'));
  });
  return answered ? 'fast' : 'ordinary';
}

describe('readIsoStart', () => {
  it('reads every form it handles exactly as parseInstant does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1001, 0, 1), max: Date.UTC(9998, 11, 31) }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, form, offset) => {
          const text = startText(ms, form, offset);
          const fast = readIsoStart(bytes(text), 0, text.length, true);
          expect(fast).toBe(parseInstant(text, 'UTC'));
          // Without an offset the zone decides: only UTC is read by hand.
          const inParis = readIsoStart(bytes(text), 0, text.length, false);
          if (form === 3) expect(inParis).toBeNaN();
          else expect(inParis).toBe(fast);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('milliseconds as parseInstant floors them (0.57 x 1000 is 569.99...)', () => {
    // parseInstant: floor(parseFloat("0.570") x 1000) = 569 (float64 arithmetic, computed by hand).
    const text = '2026-06-01T09:00:00.570Z';
    expect(readIsoStart(bytes(text), 0, text.length, true)).toBe(parseInstant(text));
  });

  it('gives NaN (parseInstant decides) for other forms and out-of-range fields, never a different instant', () => {
    const others = [
      '2026-06-01 09:00:00Z',
      '2026-02-30T09:00:00Z',
      '2026-06-01T24:00:00Z',
      '0999-06-01T09:00:00Z',
      '2026-06-01T09:00Z',
      '2026-06-01T09:00:00+0200',
      '2026-06-01T09:00:00.5Z',
      '2026-06-01T09:00:00+24:00',
      '2026-13-01T09:00:00Z',
    ];
    for (const text of others) expect(readIsoStart(bytes(text), 0, text.length, true), text).toBeNaN();
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.nat({ max: 28 }),
        fc.integer({ min: 0, max: 127 }),
        (ms, at, code) => {
          const valid = new Date(ms).toISOString();
          const text = valid.slice(0, at) + String.fromCharCode(code) + valid.slice(at + 1);
          const fast = readIsoStart(bytes(text), 0, text.length, true);
          if (Number.isNaN(fast)) return;
          expect(fast).toBe(parseInstant(text, 'UTC'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('readFastStaffingBody', () => {
  it('reads the common shape in any key order, spacing and number spelling, as the schema does', () => {
    let fast = 0;
    fc.assert(
      fc.property(bodySpec, (spec) => {
        const text = writeBody(spec);
        const slow = ordinary(text);
        expect(slow, text.slice(0, 300)).toBeDefined();
        // A wall-clock start inside a daylight-saving gap is an error for staffRequest to report.
        const readable = slow?.intervals.every((row) => {
          try {
            parseInstant(row.start, slow.timeZone ?? 'UTC');
            return true;
          } catch {
            return false;
          }
        });
        const outcome = expectSameAsSchema(text);
        // One start and no intervalMinutes: the interval length cannot be inferred (an error too).
        const inferable = spec.intervalMinutes !== undefined || spec.rows.length > 1;
        if (readable && inferable)
          expect(outcome, `the fast reader left a common body to the ordinary path: ${text.slice(0, 300)}`).toBe(
            'fast',
          );
        if (outcome === 'fast') fast++;
      }),
      { numRuns: 400 },
    );
    expect(fast).toBeGreaterThan(300);
  });

  it('the benchmark week: 672 intervals', () => {
    const start = Date.UTC(2026, 5, 1);
    const body = {
      intervalMinutes: 15,
      target: { serviceLevel: 0.8, answerSeconds: 20 },
      shrinkage: 0.3,
      intervals: Array.from({ length: 672 }, (_, i) => ({
        start: new Date(start + i * 900_000).toISOString(),
        volume: (i * 37) % 320,
        ahtSeconds: 240,
      })),
    };
    expect(expectSameAsSchema(JSON.stringify(body))).toBe('fast');
  });

  it('never accepts what the schema refuses, nor reads a value differently (random edits of valid bodies)', () => {
    const seen = { fast: 0, ordinary: 0 };
    fc.assert(
      fc.property(bodySpec, fc.constantFrom(...bodyEdits), fc.nat(), editExtras, (spec, [, edit], at, extra) => {
        seen[expectSameAsSchema(edit(writeBody(spec), at, extra))]++;
      }),
      { numRuns: 3000 },
    );
    // Both outcomes occur: the edits are neither all harmless nor all fatal.
    expect(seen.fast).toBeGreaterThan(100);
    expect(seen.ordinary).toBeGreaterThan(100);
  });

  it('the same on compact bodies (JSON.stringify rows, read by the compact-row lane), edited at random', () => {
    const rows = fc.array(
      fc.record({
        volume: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 400, noNaN: true })),
        ahtSeconds: fc.oneof(
          { arbitrary: fc.constant(0), weight: 1 },
          { arbitrary: fc.integer({ min: 1, max: 600 }), weight: 9 },
        ),
      }),
      { minLength: 1, maxLength: 12 },
    );
    const seen = { fast: 0, ordinary: 0 };
    fc.assert(
      fc.property(
        rows,
        fc.boolean(),
        fc.constantFrom(...bodyEdits),
        fc.nat(),
        editExtras,
        (list, edited, [, edit], at, extra) => {
          const start = Date.UTC(2026, 2, 1);
          const text = JSON.stringify({
            intervalMinutes: 30,
            intervals: list.map((r, i) => ({ start: new Date(start + i * 1_800_000).toISOString(), ...r })),
          });
          seen[expectSameAsSchema(edited ? edit(text, at, extra) : text)]++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(seen.fast).toBeGreaterThan(300);
    expect(seen.ordinary).toBeGreaterThan(300);
  });

  it('stops at maxIntervals (larger requests take the ordinary path)', () => {
    const rows = [0, 1, 2].map((i) => `{"start":"2026-06-01T0${i}:00:00Z","volume":10,"ahtSeconds":240}`);
    const text = `{"intervals":[${rows.join(',')}]}`;
    expect(readFastStaffingBody(bytes(text), 3)?.count).toBe(3);
    expect(readFastStaffingBody(bytes(text), 2)).toBeUndefined();
  });

  it('leaves other shapes to the ordinary path', () => {
    const row = '{"start":"2026-06-01T00:00:00Z","volume":10,"ahtSeconds":240}';
    const row2 = '{"start":"2026-06-01T00:30:00Z","volume":10,"ahtSeconds":240}';
    const cases = [
      `{"intervals":[${row},${row2}],"model":"erlang-a","patienceSeconds":60}`,
      `{"intervals":[${row},{"start":"2026-06-01T00:30:00Z","volume":10,"ahtSeconds":240,"agents":3}]}`,
      `{"intervals":[${row},${row2}],"volumeQuantile":"p90"}`,
      `{"intervals":[${row},${row2}],"deferred":{"deadlineHours":24}}`,
      `{"intervals":[${row},${row2}],"intervals":[${row}]}`, // a repeated key
      `{"intervals":[${row.replace('"volume":10', '"volume":10,"volume":11')}]}`,
      `{"intervals":[${row.replace('2026', '\\u0032026')}]}`, // an escape
      `{"intervals":[${row},${row2}],"target":{"serviceLevel":0.8}}`, // answerSeconds missing
      `{"intervals":[${row},${row2}],"target":{"maxAbandonRate":0.1}}`,
      `{"intervals":[]}`,
      `{"intervals":[${row}]} x`,
      `[${row}]`,
    ];
    for (const text of cases) {
      expect(readFastStaffingBody(bytes(text)), text).toBeUndefined();
      expectSameAsSchema(text);
    }
  });
});
