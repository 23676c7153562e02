import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache, etagMatches, staffingCacheFromEnv } from '../../src/api/cache.js';
import { staffingRoutes } from '../../src/api/routes/staffing.js';
import { testApp } from './helpers.js';

const day = {
  intervalMinutes: 30,
  intervals: Array.from({ length: 4 }, (_, i) => ({
    start: new Date(Date.UTC(2026, 5, 1, 9) + i * 1_800_000).toISOString(),
    volume: 100 + i,
    ahtSeconds: 180,
  })),
};

describe('ResponseCache', () => {
  it('evicts the least recently used entry over its entry bound', () => {
    const cache = new ResponseCache({ maxEntries: 2, maxBytes: 1e6 });
    cache.set('a', '"A"');
    cache.set('b', '"B"');
    expect(cache.get('a')?.body.toString()).toBe('"A"'); // a is now the most recent
    cache.set('c', '"C"');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('keeps its bytes under the byte bound and never stores an answer larger than it', () => {
    const cache = new ResponseCache({ maxEntries: 100, maxBytes: 10 });
    cache.set('a', '12345');
    cache.set('b', '67890');
    cache.set('c', '123');
    expect(cache.bytes).toBeLessThanOrEqual(10);
    expect(cache.get('a')).toBeUndefined();
    cache.set('big', '12345678901');
    expect(cache.get('big')).toBeUndefined();
  });

  it('keys by method, route and body bytes; ETags by answer bytes', () => {
    expect(ResponseCache.keyOf('POST', '/v1/staffing', '{"a":1}')).not.toBe(
      ResponseCache.keyOf('POST', '/v1/staffing', '{"a": 1}'),
    );
    const cache = new ResponseCache();
    expect(cache.set('x', '{"a":1}').etag).toBe(cache.set('y', '{"a":1}').etag);
    expect(cache.set('z', '{"a":2}').etag).not.toBe(cache.set('y', '{"a":1}').etag);
  });

  it('is disabled with 0 entries, and reads its settings from the environment', () => {
    expect(new ResponseCache({ maxEntries: 0, maxBytes: 1e6 }).enabled).toBe(false);
    expect(staffingCacheFromEnv({ WFM_STAFFING_CACHE_ENTRIES: '0', WFM_STAFFING_CACHE_MB: '8' })).toEqual({
      maxEntries: 0,
      maxBytes: 8 * 1024 * 1024,
    });
    expect(staffingCacheFromEnv({})).toEqual({ maxEntries: 256, maxBytes: 64 * 1024 * 1024 });
    expect(() => staffingCacheFromEnv({ WFM_STAFFING_CACHE_ENTRIES: '-1' })).toThrowError(/WFM_STAFFING_CACHE_ENTRIES/);
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe('POST /v1/staffing with the answer cache', () => {
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    app = await testApp({ routes: [staffingRoutes] });
  });
  afterAll(async () => app.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/staffing',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers a repeated body from the cache with the same bytes and ETag, and 304 on If-None-Match', async () => {
    const body = JSON.stringify(day);
    const first = await post(body);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-wfm-cache']).toBe('miss');
    const second = await post(body);
    expect(second.headers['x-wfm-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toContain('application/json');
    const notModified = await post(body, { 'if-none-match': String(first.headers.etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    // 30-minute interval, 100 calls x 180 s = 10 Erlangs at 80/20: 14 agents (the staffing tests' case).
    expect(JSON.parse(second.body).intervals[0].agents).toBe(14);
  });

  it('does not cache errors: a bad body is a 400 every time, and bad JSON keeps its error', async () => {
    const bad = JSON.stringify({ ...day, intervals: [{ ...day.intervals[0], volume: -1 }] });
    for (let i = 0; i < 2; i++) {
      const res = await post(bad);
      expect(res.statusCode).toBe(400);
      expect(res.headers['x-wfm-cache']).toBeUndefined();
    }
    const broken = await post('{"intervals": [');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('WFM_ERR_INPUT_JSON');
  });
});

describe('the answer cache behind the bearer key', () => {
  it('still needs the key for a body whose answer is cached', async () => {
    const app = await testApp({ apiKey: 's3cret', routes: [staffingRoutes] });
    try {
      const payload = JSON.stringify(day);
      const headers = { 'content-type': 'application/json', authorization: 'Bearer s3cret' };
      expect((await app.inject({ method: 'POST', url: '/v1/staffing', payload, headers })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/v1/staffing', payload, headers })).headers['x-wfm-cache']).toBe(
        'hit',
      );
      const anonymous = await app.inject({
        method: 'POST',
        url: '/v1/staffing',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['x-wfm-cache']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
