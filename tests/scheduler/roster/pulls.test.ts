import { describe, expect, it } from 'vitest';
import { assignPulls } from '../../../src/scheduler/roster/pulls.js';
import type { RetrainingSession } from '../../../src/scheduler/shift-plan/types.js';

// Hand-built: 8 slots of 30 minutes; four agents on shift for slots [0, 8); one session in slots
// [2, 4) (one hour) with 2 seats.
const session = (seats: number, startSlot = 2, endSlot = 4): RetrainingSession => ({
  pool: 'p',
  day: '2026-03-02',
  start: 's',
  end: 'e',
  startSlot,
  endSlot,
  seats,
});
const shifts = [0, 1, 2, 3].map((agent) => ({
  agent,
  startSlot: 0,
  endSlot: 8,
  breaks: [] as { startSlot: number; endSlot: number }[],
}));

describe('retraining pulls', () => {
  it('seats flagged agents most-needed first, never over the seats', () => {
    const agents = [
      { id: 'a', hoursNeeded: 1 },
      { id: 'b', hoursNeeded: 3 },
      { id: 'c', hoursNeeded: 0 },
      { id: 'd', hoursNeeded: 2 },
    ];
    const onPhone = new Int32Array(8).fill(4);
    const r = assignPulls([session(2)], shifts, agents, new Array<number>(8).fill(1), onPhone, 30);
    // b (3 h) and d (2 h) need the most; each gets the one-hour session (computed by hand)
    expect(r.pulls.map((p) => [agents[p.agent]!.id, p.kind])).toEqual([
      ['b', 'retraining'],
      ['d', 'retraining'],
    ]);
    expect(r.hoursLeft).toEqual([1, 2, 0, 1]);
    expect(Array.from(r.onPhone.slice(2, 4))).toEqual([2, 2]);
    expect(r.emptySeats).toEqual([0]);
  });

  it('gives spare seats to others as coaching', () => {
    const agents = [
      { id: 'a', hoursNeeded: 1 },
      { id: 'b', hoursNeeded: 0 },
      { id: 'c', hoursNeeded: 0 },
      { id: 'd', hoursNeeded: 0 },
    ];
    const r = assignPulls([session(3)], shifts, agents, new Array<number>(8).fill(0), new Int32Array(8).fill(4), 30);
    expect(r.pulls.map((p) => [p.agent, p.kind])).toEqual([
      [0, 'retraining'],
      [1, 'coaching'],
      [2, 'coaching'],
    ]);
  });

  it('never takes on-phone coverage below the requirement', () => {
    const agents = [0, 1, 2, 3].map((i) => ({ id: `x${i}`, hoursNeeded: 2 }));
    // 4 on the phones, 3 required in slot 3: only one agent can leave (computed by hand: 4 - 1 = 3)
    const required = [0, 0, 1, 3, 0, 0, 0, 0];
    const r = assignPulls([session(4)], shifts, agents, required, new Int32Array(8).fill(4), 30);
    expect(r.pulls).toHaveLength(1);
    expect(r.emptySeats).toEqual([3]);
    for (let s = 0; s < 8; s++) expect(r.onPhone[s]!).toBeGreaterThanOrEqual(required[s]!);
  });

  it('skips agents on a break during the session or not on shift for all of it', () => {
    const agents = [0, 1, 2].map((i) => ({ id: `x${i}`, hoursNeeded: 2 }));
    const list = [
      { agent: 0, startSlot: 0, endSlot: 8, breaks: [{ startSlot: 3, endSlot: 4 }] },
      { agent: 1, startSlot: 3, endSlot: 8, breaks: [] },
      { agent: 2, startSlot: 0, endSlot: 4, breaks: [] },
    ];
    const r = assignPulls([session(3)], list, agents, new Array<number>(8).fill(0), new Int32Array(8).fill(3), 30);
    expect(r.pulls.map((p) => p.agent)).toEqual([2]);
  });
});
