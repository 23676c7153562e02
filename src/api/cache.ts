/**
 * A bounded LRU cache of `POST /v1/staffing` answers. Staffing is pure and deterministic (the
 * same body gives the same bytes), and other systems poll the same forecast again and again, so
 * an answer can be served again without validating, solving or serializing.
 *
 * Key: SHA-256 of method + route + the request body bytes (a different spelling of the same
 * request is a different key: no canonicalisation beyond the bytes). Only 200 answers are kept.
 * Bounded by entries and by bytes; least recently used entries go first. The ETag is a hash of the
 * answer's bytes, so `If-None-Match` gets a 304 only when the answer would be byte-identical.
 *
 * Settings (environment, read when the service starts): `WFM_STAFFING_CACHE_ENTRIES` (default
 * 256, 0 disables the cache) and `WFM_STAFFING_CACHE_MB` (default 64 MiB of answers).
 */
import { createHash } from 'node:crypto';
import { WfmError } from '../errors.js';

export interface CachedAnswer {
  /** The JSON answer, UTF-8. */
  body: Buffer;
  /** Strong ETag, quoted: a hash of `body`. */
  etag: string;
}

export interface StaffingCacheOptions {
  /** Most answers kept; 0 disables the cache. */
  maxEntries: number;
  /** Most answer bytes kept. */
  maxBytes: number;
}

export const DEFAULT_STAFFING_CACHE: Readonly<StaffingCacheOptions> = Object.freeze({
  maxEntries: 256,
  maxBytes: 64 * 1024 * 1024,
});

/** An LRU map of request key -> answer, bounded by entries and bytes. O(1) per operation. */
export class ResponseCache {
  readonly #entries = new Map<string, CachedAnswer>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly options: StaffingCacheOptions = DEFAULT_STAFFING_CACHE) {}

  get enabled(): boolean {
    return this.options.maxEntries > 0 && this.options.maxBytes > 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The key of a request: SHA-256 (base64url) of method, route and body bytes. */
  static keyOf(method: string, route: string, body: string | Buffer): string {
    return createHash('sha256').update(`${method} ${route}\n`).update(body).digest('base64url');
  }

  /** The answer for `key`, marked most recently used; undefined on a miss. */
  get(key: string): CachedAnswer | undefined {
    const hit = this.#entries.get(key);
    if (hit === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  /** Stores an answer (JSON text); evicts least recently used entries over the bounds. */
  set(key: string, json: string): CachedAnswer {
    const body = Buffer.from(json, 'utf8');
    const answer = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    if (!this.enabled || body.length > this.options.maxBytes) return answer;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.body.length;
      this.#entries.delete(key);
    }
    this.#entries.set(key, answer);
    this.#bytes += body.length;
    for (const [k, v] of this.#entries) {
      if (this.#entries.size <= this.options.maxEntries && this.#bytes <= this.options.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.body.length;
    }
    return answer;
  }
}

/** True when an `If-None-Match` header value names `etag` (a list, weak forms, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Cache settings from `WFM_STAFFING_CACHE_ENTRIES` and `WFM_STAFFING_CACHE_MB` (non-negative
 * integers; unset keeps the default). Throws WFM_ERR_INPUT_INVALID naming a bad variable.
 */
export function staffingCacheFromEnv(env: Record<string, string | undefined>): StaffingCacheOptions {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw.trim())) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `${name}: "${raw}" is not a non-negative integer.`, {
        issues: [{ path: [name], message: 'not a non-negative integer' }],
      });
    }
    return Number(raw.trim());
  };
  return {
    maxEntries: read('WFM_STAFFING_CACHE_ENTRIES', DEFAULT_STAFFING_CACHE.maxEntries),
    maxBytes: read('WFM_STAFFING_CACHE_MB', DEFAULT_STAFFING_CACHE.maxBytes / 1024 / 1024) * 1024 * 1024,
  };
}
