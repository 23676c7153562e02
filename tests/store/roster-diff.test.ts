import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOverrides, diffRosters, normaliseRoster, type RosterDocument } from '../../src/store/index.js';

const DAY_MS = 86_400_000;
const MONDAY = Date.parse('2026-12-07T00:00:00Z');

/** Random rosters: up to 4 agents, each with shifts on distinct days of one week. */
const rosterArb = fc
  .array(
    fc.record({
      id: fc.constantFrom('ana', 'rui', 'ines', 'tiago'),
      shifts: fc.uniqueArray(
        fc.record({
          day: fc.integer({ min: 0, max: 6 }),
          hour: fc.integer({ min: 6, max: 14 }),
          tpl: fc.constantFrom('e', 'l'),
        }),
        { selector: (s) => s.day, maxLength: 5 },
      ),
    }),
    { maxLength: 4 },
  )
  .map((agents): RosterDocument => {
    const seen = new Set<string>();
    return {
      agents: agents
        .filter((a) => !seen.has(a.id) && seen.add(a.id))
        .map((a) => ({
          id: a.id,
          shifts: a.shifts.map((s) => {
            const start = MONDAY + s.day * DAY_MS + s.hour * 3_600_000;
            return {
              start: new Date(start).toISOString(),
              end: new Date(start + 8 * 3_600_000).toISOString(),
              template: s.tpl,
            };
          }),
        })),
    };
  });

describe('diffRosters', () => {
  it('accounts for every shift of both rosters exactly once (property)', () => {
    fc.assert(
      fc.property(rosterArb, rosterArb, (a, b) => {
        const from = normaliseRoster(a, 'UTC');
        const to = normaliseRoster(b, 'UTC');
        const { totals } = diffRosters(from, to);
        expect(totals.added + totals.moved + totals.changed + totals.unchanged).toBe(to.length);
        expect(totals.removed + totals.moved + totals.changed + totals.unchanged).toBe(from.length);
        const self = diffRosters(from, from);
        expect(self.agents).toEqual([]);
        expect(self.totals.unchanged).toBe(from.length);
      }),
    );
  });

  it('numbers a second shift of the same template on one local day as slot 1', () => {
    const shifts = normaliseRoster(
      {
        agents: [
          {
            id: 'ana',
            shifts: [
              { start: '2026-12-07T18:00:00Z', end: '2026-12-07T20:00:00Z', template: 'split' },
              { start: '2026-12-07T08:00:00Z', end: '2026-12-07T11:00:00Z', template: 'split' },
            ],
          },
        ],
      },
      'Asia/Tokyo',
    );
    // 18:00Z is 03:00 the next day in Tokyo: a different local day, so slot 0 there.
    expect(shifts.map((s) => s.shiftKey)).toEqual(['ana/2026-12-07/split/0', 'ana/2026-12-08/split/0']);
  });
});

describe('applyOverrides', () => {
  it('applies overrides in creation order and never touches the model volume', () => {
    const day = '2026-12-24';
    const out = applyOverrides(
      [{ startMs: 0, day, volume: 100, ahtSeconds: null }],
      [
        { id: 's', kind: 'set', fromMs: 0, toMs: 1, volume: 50, note: '' },
        { id: 'x', kind: 'scale', fromMs: 0, toMs: 1, factor: 1.2, note: '' },
        { id: 'h', kind: 'holiday', day: '2026-12-25', factor: 0, note: '' },
      ],
    );
    expect(out).toEqual([{ startMs: 0, day, volume: 60, ahtSeconds: null, modelVolume: 100, overrideIds: ['s', 'x'] }]);
  });
});
