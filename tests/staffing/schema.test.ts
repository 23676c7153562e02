import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isWfmError, type WfmError } from '../../src/errors.js';
import {
  DEFAULT_TARGET,
  ErlangResponseSchema,
  IntervalResultSchema,
  MAX_INTERVALS,
  StaffingResponseSchema,
  StaffingTotalsSchema,
  parseErlangRequest,
  parseStaffingRequest,
} from '../../src/contracts/staffing.js';
import { erlangRequest, staffRequest } from '../../src/app/staffing.js';

const row = (start: string, volume = 10, ahtSeconds = 180) => ({ start, volume, ahtSeconds });
const base = { intervalMinutes: 15, intervals: [row('2026-06-01T09:00:00Z'), row('2026-06-01T09:15:00Z')] };

function rejection(data: unknown, parse: (d: unknown) => unknown = parseStaffingRequest): WfmError {
  try {
    parse(data);
  } catch (error) {
    if (isWfmError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function paths(error: WfmError): string[] {
  return error.issues.map((i) => i.path.join('.'));
}

describe('staffing request schema', () => {
  it('applies the documented defaults: erlang-c, 80 % in 20 s', () => {
    const request = parseStaffingRequest(base);
    expect(request.model).toBe('erlang-c');
    expect(request.target).toEqual(DEFAULT_TARGET);
    expect(request.target).toEqual({ serviceLevel: 0.8, answerSeconds: 20 });
  });

  it('keeps an explicit target as given (no default merged in)', () => {
    expect(parseStaffingRequest({ ...base, target: { maxOccupancy: 0.85 } }).target).toEqual({ maxOccupancy: 0.85 });
  });

  it.each([
    [
      'negative volume',
      { intervals: [{ ...row('2026-06-01T09:00:00Z'), volume: -1 }] },
      'intervals.0.volume',
      /volume must be >= 0/,
    ],
    ['service level 1', { target: { serviceLevel: 1, answerSeconds: 20 } }, 'target.serviceLevel', /\(0, 1\)/],
    ['service level 0', { target: { serviceLevel: 0, answerSeconds: 20 } }, 'target.serviceLevel', /\(0, 1\)/],
    ['answer time missing', { target: { serviceLevel: 0.8 } }, 'target.answerSeconds', /answerSeconds is required/],
    ['erlang-a without patience', { model: 'erlang-a' }, 'patienceSeconds', /needs patienceSeconds/],
    ['chat without handle times', { model: 'chat', patienceSeconds: 60 }, 'chat.ahtSecondsByConcurrency', /needs chat/],
    [
      'abandon cap on erlang-c',
      { target: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.05 } },
      'target.maxAbandonRate',
      /erlang-a or chat/,
    ],
    ['shrinkage 1', { shrinkage: 1 }, 'shrinkage', /\[0, 1\)/],
    ['interval of 7 minutes', { intervalMinutes: 7 }, 'intervalMinutes', /./],
    ['unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', /unknown IANA time zone/],
    [
      'zero AHT with volume',
      { intervals: [{ ...row('2026-06-01T09:00:00Z'), ahtSeconds: 0 }] },
      'intervals.0.ahtSeconds',
      /> 0 when volume > 0/,
    ],
    [
      'fractional agents',
      { intervals: [{ ...row('2026-06-01T09:00:00Z'), agents: 2.5 }] },
      'intervals.0.agents',
      /whole number/,
    ],
    ['unknown target key', { target: { serviceLevle: 0.8 } }, 'target', /serviceLevle/],
    [
      'unknown interval key',
      { intervals: [{ ...row('2026-06-01T09:00:00Z'), colour: 'red' }] },
      'intervals.0',
      /colour/,
    ],
    ['no intervals', { intervals: [] }, 'intervals', /at least one interval/],
    [
      'deferred work with erlang-a',
      { model: 'erlang-a', patienceSeconds: 60, deferred: { deadlineHours: 4 } },
      'deferred',
      /replaces the queue model/,
    ],
    ['deferred deadline 0', { deferred: { deadlineHours: 0 } }, 'deferred.deadlineHours', /> 0/],
    ['p90 without the band', { volumeQuantile: 'p90' }, 'intervals.0.volumeP90', /required for volumeQuantile p90/],
  ])('rejects %s, naming the field', (_name, patch, path, message) => {
    const error = rejection({ ...base, ...patch });
    expect(error.code).toBe('WFM_ERR_INPUT_INVALID');
    expect(paths(error)).toContain(path);
    const issue = error.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toMatch(message);
  });

  it('rejects NaN and Infinity (JSON cannot carry them, but a library caller can)', () => {
    expect(paths(rejection({ ...base, intervals: [{ ...row('x'), volume: Number.NaN }] }))).toContain(
      'intervals.0.volume',
    );
    expect(paths(rejection({ ...base, intervals: [{ ...row('x'), ahtSeconds: Infinity }] }))).toContain(
      'intervals.0.ahtSeconds',
    );
  });

  it('rejects the same start written twice', () => {
    const error = rejection({ ...base, intervals: [row('2026-06-01T09:00:00Z'), row('2026-06-01T09:00:00Z')] });
    expect(paths(error)).toContain('intervals.1.start');
    expect(error.message).toMatch(/duplicate/);
  });

  it('rejects more than MAX_INTERVALS intervals with WFM_ERR_INPUT_TOO_LARGE', () => {
    const intervals = Array.from({ length: MAX_INTERVALS + 1 }, (_, i) => row(`t${i}`));
    expect(rejection({ intervals }).code).toBe('WFM_ERR_INPUT_TOO_LARGE');
  });

  it('accepts the forecast band columns and staffing at a quantile', () => {
    const request = parseStaffingRequest({
      ...base,
      volumeQuantile: 'p90',
      intervals: base.intervals.map((r) => ({ ...r, volumeP10: 5, volumeP90: 15 })),
    });
    expect(request.volumeQuantile).toBe('p90');
  });
});

describe('erlang request schema', () => {
  it('accepts one interval with the default target', () => {
    const request = parseErlangRequest({ volume: 100, intervalMinutes: 30, ahtSeconds: 180 });
    expect(request.target).toEqual(DEFAULT_TARGET);
  });

  it('rejects a negative volume and a missing answer time together', () => {
    const error = rejection(
      { volume: -5, intervalMinutes: 30, ahtSeconds: 180, target: { serviceLevel: 0.8 } },
      parseErlangRequest,
    );
    expect(paths(error)).toEqual(expect.arrayContaining(['volume']));
  });
});

describe('response schemas', () => {
  it('convert to JSON Schema (for the OpenAPI document)', () => {
    const staffing = z.toJSONSchema(StaffingResponseSchema) as { properties: Record<string, unknown> };
    expect(Object.keys(staffing.properties)).toEqual(expect.arrayContaining(['intervals', 'totals', 'timeZone']));
    const erlang = z.toJSONSchema(ErlangResponseSchema) as { properties: Record<string, unknown> };
    expect(Object.keys(erlang.properties)).toEqual(expect.arrayContaining(['agents', 'serviceLevel', 'abandonRate']));
  });
});

describe('responses match their schemas (what the HTTP API serialises)', () => {
  const intervals = [
    { start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180 },
    { start: '2026-06-01T09:30:00Z', volume: 100, ahtSeconds: 180, agents: 10 },
  ];
  it.each([
    ['erlang-c', {}],
    [
      'erlang-a',
      {
        model: 'erlang-a',
        patienceSeconds: 120,
        target: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.05 },
        queueCapacity: 60,
      },
    ],
    ['chat', { model: 'chat', patienceSeconds: 120, chat: { ahtSecondsByConcurrency: [180, 250] } }],
    ['deferred', { deferred: { deadlineHours: 2 }, intervals: intervals.map(({ agents: _a, ...r }) => r) }],
  ])('%s', (_name, patch) => {
    const response = staffRequest(parseStaffingRequest({ intervalMinutes: 30, shrinkage: 0.25, intervals, ...patch }));
    const parsed = StaffingResponseSchema.strict()
      .extend({ intervals: z.array(IntervalResultSchema.strict()), totals: StaffingTotalsSchema.strict() })
      .safeParse(response);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('erlang', () => {
    const response = erlangRequest(
      parseErlangRequest({
        volume: 100,
        intervalMinutes: 30,
        ahtSeconds: 180,
        model: 'erlang-a',
        patienceSeconds: 300,
      }),
    );
    expect(ErlangResponseSchema.strict().safeParse(response).error?.issues ?? []).toEqual([]);
  });
});
