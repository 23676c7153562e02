import { describe, expect, it } from 'vitest';
import { parseStaffingRequest } from '../../src/contracts/staffing.js';
import { staffRequest, stringifyStaffingResponse } from '../../src/app/staffing.js';

// The compiled serializer (fast-json-stringify) must write the same values as JSON.stringify.
const intervals = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    start: new Date(Date.UTC(2026, 2, 7, 12) + i * 1_800_000).toISOString(),
    volume: i % 5 === 0 ? 0 : 40 + 13 * i,
    ahtSeconds: 200,
  }));

describe('stringifyStaffingResponse', () => {
  const cases: [string, unknown][] = [
    [
      'erlang-c across a DST change, shrinkage, given agents',
      {
        timeZone: 'America/New_York',
        shrinkage: 0.3,
        intervals: [...intervals(40), { start: '2026-03-08T08:00:00Z', volume: 500, ahtSeconds: 300, agents: 3 }],
      },
    ],
    [
      'erlang-a with abandonment cap',
      {
        model: 'erlang-a',
        patienceSeconds: 90,
        target: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.05 },
        intervals: intervals(24),
      },
    ],
    [
      'chat',
      {
        model: 'chat',
        patienceSeconds: 120,
        chat: { ahtSecondsByConcurrency: [300, 360, 450] },
        intervals: intervals(12),
      },
    ],
    ['deferred work', { deferred: { deadlineHours: 4 }, intervals: intervals(16) }],
  ];
  for (const [name, body] of cases) {
    it(`gives JSON.stringify's values: ${name}`, () => {
      const response = staffRequest(parseStaffingRequest(body));
      const text = stringifyStaffingResponse(response);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(response)));
      expect(text.length).toBe(JSON.stringify(response).length);
    });
  }

  // 100 calls x 180 s over 30 min = 10 Erlangs on 5 agents: N <= A, unstable (design.md), ASA infinite.
  it('writes an unstable interval (infinite ASA) as null, as JSON.stringify does', () => {
    const response = staffRequest(
      parseStaffingRequest({
        intervals: [{ start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180, agents: 5 }],
        intervalMinutes: 30,
      }),
    );
    expect(response.intervals[0]?.asaSeconds).toBeNull();
    expect(JSON.parse(stringifyStaffingResponse(response)).intervals[0].asaSeconds).toBeNull();
  });
});
