/**
 * A fast reader for the common `POST /v1/staffing` body: an Erlang C queue whose intervals carry
 * `start`, `volume` and `ahtSeconds` (and optionally the forecast's `volumeP10` / `volumeP90`).
 * It reads the body's bytes straight into columns (Float64Array), without building ~700 objects
 * with JSON.parse and checking each with zod, and reads ISO starts by byte.
 *
 * It only ever steps aside: whatever it does not recognise (another key or model, a string
 * escape, a duplicate key, a value out of range, a start in a form it does not read by hand that
 * `parseInstant` also refuses, ...) gives `undefined`, and the caller then takes the ordinary path
 * (JSON.parse, the zod schema, `staffRequest`), which produces the answer or the error exactly as
 * before. Every rule checked here is a rule of `StaffingRequestSchema`; the one rule left to the
 * caller is the schema's "no repeated start": the same text is the same instant, which the grid
 * check of src/api/staffing-headcount.ts refuses. tests/api/staffing-fast-body.test.ts checks,
 * on random valid and edited bodies, that whenever the fast path answers, the schema accepts the
 * body and reads the same values.
 */
import { singleOffsetZone } from '../time/offset-zone.js';
import { IANAZone } from 'luxon';
import { DEFAULT_TARGET, MAX_INTERVALS, MAX_SECONDS, MAX_VOLUME } from '../contracts/staffing.js';
import type { StaffingTargets } from '../erlang/types.js';
import { INTERVAL_MINUTES, parseInstant } from '../time/instant.js';
import { readIsoStart } from '../time/iso-bytes.js';

/**
 * A staffing body read into columns (only the first `count` cells of each array are used). The
 * arrays are the reader's own and are overwritten by its next call: use them at once.
 */
export interface FastStaffingBody {
  intervalMinutes: number | undefined;
  timeZone: string | undefined;
  /** The zone the answer names: `timeZone`, else the starts' one offset, else UTC (as `staffRequest`). */
  answerZone: string;
  /** The target as the schema outputs it: the given fields in schema order, or the default. */
  target: StaffingTargets;
  shrinkage: number | undefined;
  count: number;
  volume: Float64Array;
  ahtSeconds: Float64Array;
  /** Interval starts, epoch ms. */
  startMs: Float64Array;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

// Bits of the keys seen in one object (a duplicate key is left to JSON.parse and the schema).
const K_START = 1;
const K_VOLUME = 2;
const K_AHT = 4;
const K_P10 = 8;
const K_P90 = 16;

// The readers below take the text and a position and return the position after what they read,
// or -1 when the text is not what they handle. Locals, not object fields, in the hot loop: this
// runs once per byte of a 45 kB body.

const utf8 = new TextDecoder();

/** Bytes [from, to) of ASCII text as a string. */
function ascii(t: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(t[k] as number);
  return s;
}

/** True when the bytes at `p` are `literal` (ASCII). */
function bytesAre(t: Uint8Array, p: number, literal: string): boolean {
  for (let k = 0; k < literal.length; k++) if (t[p + k] !== literal.charCodeAt(k)) return false;
  return true;
}

/** The value of the last number read by `readNumber`. */
let numberValue = 0;

/** Skips JSON blanks. */
function skipWs(t: Uint8Array, p: number): number {
  let c = t[p] as number;
  while (c === SPACE || c === LF || c === CR || c === TAB) c = t[++p] as number;
  return p;
}

/** A JSON number (RFC 8259 grammar) at `p`, its value (as JSON.parse reads it) in `numberValue`. */
function readNumber(t: Uint8Array, p: number): number {
  const start = p;
  let c = t[p] as number;
  let negative = false;
  if (c === MINUS) {
    negative = true;
    c = t[++p] as number;
  }
  let value = 0;
  let digits = 0;
  if (c === ZERO) {
    c = t[++p] as number;
    digits = 1;
  } else if (c > ZERO && c <= NINE) {
    while (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digits++;
      c = t[++p] as number;
    }
  } else {
    return -1;
  }
  let plain = true;
  if (c === DOT) {
    plain = false;
    c = t[++p] as number;
    if (!(c >= ZERO && c <= NINE)) return -1;
    while (c >= ZERO && c <= NINE) c = t[++p] as number;
  }
  if (c === 101 || c === 69) {
    plain = false;
    c = t[++p] as number;
    if (c === PLUS || c === MINUS) c = t[++p] as number;
    if (!(c >= ZERO && c <= NINE)) return -1;
    while (c >= ZERO && c <= NINE) c = t[++p] as number;
  }
  // Up to 15 digits an integer is exact in float64; anything else goes through the engine's own
  // decimal conversion, as JSON.parse reads it.
  if (p - start > 400) return -1; // a number this long is left to JSON.parse
  numberValue = plain && digits <= 15 ? (negative ? -value : value) : Number(ascii(t, start, p));
  return p;
}

/** `"literal"` then blanks, `:` and blanks at `p`: the position of the value, or -1. */
function readKey(t: Uint8Array, p: number, literal: string): number {
  const n = literal.length;
  if ((t[p] as number) !== QUOTE || (t[p + n + 1] as number) !== QUOTE) return -1;
  for (let k = 0; k < n; k++) if ((t[p + 1 + k] as number) !== literal.charCodeAt(k)) return -1;
  p = skipWs(t, p + n + 2);
  if ((t[p] as number) !== COLON) return -1;
  return skipWs(t, p + 1);
}

/** Blanks, `:` and blanks at `p`: the position of the value, or -1. */
function afterColon(t: Uint8Array, p: number): number {
  p = skipWs(t, p);
  return t[p] === COLON ? skipWs(t, p + 1) : -1;
}

// The three keys of every interval, spelled out byte by byte (quotes included): the hot path.
function isStartKey(t: Uint8Array, p: number): boolean {
  return (
    t[p] === QUOTE &&
    t[p + 1] === 115 &&
    t[p + 2] === 116 &&
    t[p + 3] === 97 &&
    t[p + 4] === 114 &&
    t[p + 5] === 116 &&
    t[p + 6] === QUOTE
  );
}
function isVolumeKey(t: Uint8Array, p: number): boolean {
  return (
    t[p] === QUOTE &&
    t[p + 1] === 118 &&
    t[p + 2] === 111 &&
    t[p + 3] === 108 &&
    t[p + 4] === 117 &&
    t[p + 5] === 109 &&
    t[p + 6] === 101 &&
    t[p + 7] === QUOTE
  );
}
function isAhtKey(t: Uint8Array, p: number): boolean {
  return (
    t[p] === QUOTE &&
    t[p + 1] === 97 &&
    t[p + 2] === 104 &&
    t[p + 3] === 116 &&
    t[p + 4] === 83 &&
    t[p + 5] === 101 &&
    t[p + 6] === 99 &&
    t[p + 7] === 111 &&
    t[p + 8] === 110 &&
    t[p + 9] === 100 &&
    t[p + 10] === 115 &&
    t[p + 11] === QUOTE
  );
}

/** A string without escapes or control characters at `p`: its end (the closing quote) in `stringEnd`. */
let stringEnd = 0;
function readString(t: Uint8Array, p: number): number {
  if ((t[p] as number) !== QUOTE) return -1;
  const end = t.indexOf(QUOTE, p + 1);
  if (end < 0) return -1;
  for (let k = p + 1; k < end; k++) {
    const c = t[k] as number;
    if (c === BACKSLASH || c < 0x20) return -1;
  }
  stringEnd = end;
  return end + 1;
}

/** After a member at `p`: the position of the next member after `,`, -2 after `close`, -1 otherwise. */
function readSeparator(t: Uint8Array, p: number, close: number): number {
  p = skipWs(t, p);
  const c = t[p] as number;
  if (c === COMMA) return skipWs(t, p + 1);
  return c === close ? -2 - p - 1 : -1; // -2 - (position after close)
}

/** Columns that grow by doubling while the intervals are read. */
class Columns {
  count = 0;
  volume: Float64Array;
  ahtSeconds: Float64Array;
  startFrom: Int32Array;
  startTo: Int32Array;
  constructor(capacity: number) {
    this.volume = new Float64Array(capacity);
    this.ahtSeconds = new Float64Array(capacity);
    this.startFrom = new Int32Array(capacity);
    this.startTo = new Int32Array(capacity);
  }

  push(volume: number, ahtSeconds: number, startFrom: number, startTo: number): void {
    if (this.count === this.volume.length) this.grow();
    const i = this.count++;
    this.volume[i] = volume;
    this.ahtSeconds[i] = ahtSeconds;
    this.startFrom[i] = startFrom;
    this.startTo[i] = startTo;
  }

  grow(): void {
    const size = this.volume.length * 2 + 16;
    const copy = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.volume = copy(this.volume, new Float64Array(size));
    this.ahtSeconds = copy(this.ahtSeconds, new Float64Array(size));
    this.startFrom = copy(this.startFrom, new Int32Array(size));
    this.startTo = copy(this.startTo, new Int32Array(size));
  }
}

// The columns are reused from one body to the next (a week is ~30 kB of arrays; allocating them per
// request showed as garbage-collection time under load): a reading is valid until the next one.
const scratch = new Columns(1024);
let scratchStarts = new Float64Array(1024);

// Module-local copies of the schema's bounds (an imported binding can cost a getter under some loaders).
const MAX_VOLUME_ = MAX_VOLUME;
const MAX_SECONDS_ = MAX_SECONDS;

/** ASCII text as byte codes. */
const codes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ROW_START = codes('{"start":"');
const ROW_VOLUME = codes('","volume":');
const ROW_AHT = codes(',"ahtSeconds":');

/** True when the bytes at `p` are `literal`. */
function at(t: Uint8Array, p: number, literal: Uint8Array): boolean {
  for (let k = 0; k < literal.length; k++) if (t[p + k] !== literal[k]) return false;
  return true;
}

// The row read by `readCompactRow`.
let rowVolume = 0;
let rowAht = 0;
let rowStartFrom = 0;
let rowStartTo = 0;

/**
 * The row as most clients write it, `{"start":"...","volume":N,"ahtSeconds":N}` with no blanks,
 * read without the general loop: the position after its `}`, or -1 when the row is written any
 * other way (the general loop then reads it; it checks the same rules).
 */
function readCompactRow(t: Uint8Array, p: number): number {
  if (!at(t, p, ROW_START)) return -1;
  const from = p + ROW_START.length;
  let to = from;
  while (to - from <= 64 && to < t.length && t[to] !== QUOTE) to++;
  if (t[to] !== QUOTE || to === from || to - from > 64 || !at(t, to, ROW_VOLUME)) return -1;
  p = readNumber(t, to + ROW_VOLUME.length);
  const volume = numberValue;
  if (p < 0 || !(volume >= 0 && volume <= MAX_VOLUME_) || !at(t, p, ROW_AHT)) return -1;
  p = readNumber(t, p + ROW_AHT.length);
  const aht = numberValue;
  if (p < 0 || !(aht >= 0 && aht <= MAX_SECONDS_) || t[p] !== RBRACE) return -1;
  rowVolume = volume;
  rowAht = aht;
  rowStartFrom = from;
  rowStartTo = to;
  return p + 1;
}

/**
 * `intervals` at `p`: objects with start, volume, ahtSeconds (+ volumeP10/P90), each checked as
 * the schema checks it. The position after the closing bracket, or -1.
 */
function readIntervals(t: Uint8Array, p: number, out: Columns, maxCount: number): number {
  if ((t[p] as number) !== LBRACKET) return -1;
  p = skipWs(t, p + 1);
  if ((t[p] as number) === RBRACKET) return -1; // at least one interval: the schema says so
  for (;;) {
    const compact = readCompactRow(t, p);
    if (compact >= 0) {
      // The common row: its three members, each checked, each once (volume > 0 needs AHT > 0).
      if (rowVolume > 0 && rowAht === 0) return -1;
      if (out.count >= maxCount) return -1;
      out.push(rowVolume, rowAht, rowStartFrom, rowStartTo);
      p = readSeparator(t, compact, RBRACKET);
      if (p === -1) return -1;
      if (p < -1) return -2 - p;
      continue;
    }
    if ((t[p] as number) !== LBRACE) return -1;
    p = skipWs(t, p + 1);
    let seen = 0;
    let volume = 0;
    let aht = 0;
    let startFrom = 0;
    let startTo = 0;
    for (;;) {
      let bit = 0;
      let q: number;
      const first = t[p + 1] as number; // dispatch on the key's first letter: s, v or a
      if (first === 115 && isStartKey(t, p) && (q = afterColon(t, p + 7)) >= 0) {
        // A start read by hand is all digits and separators, and any other start is checked for
        // escapes (plainSpan) before it is read: its end is the next quote.
        if ((t[q] as number) !== QUOTE) return -1;
        startFrom = q + 1;
        startTo = startFrom;
        while (startTo - startFrom <= 64 && t[startTo] !== QUOTE && startTo < t.length) startTo++;
        if (t[startTo] !== QUOTE || startTo - startFrom < 1 || startTo - startFrom > 64) return -1;
        p = startTo + 1;
        bit = K_START;
      } else if (first === 118 && isVolumeKey(t, p) && (q = afterColon(t, p + 8)) >= 0) {
        p = readNumber(t, q);
        volume = numberValue;
        if (p < 0 || !(volume >= 0 && volume <= MAX_VOLUME_)) return -1;
        bit = K_VOLUME;
      } else if (first === 97 && isAhtKey(t, p) && (q = afterColon(t, p + 12)) >= 0) {
        p = readNumber(t, q);
        aht = numberValue;
        if (p < 0 || !(aht >= 0 && aht <= MAX_SECONDS_)) return -1;
        bit = K_AHT;
      } else if ((q = readKey(t, p, 'volumeP10')) >= 0 || (q = readKey(t, p, 'volumeP90')) >= 0) {
        bit = (t[p + 8] as number) === ZERO + 1 ? K_P10 : K_P90;
        p = readNumber(t, q);
        if (p < 0 || !(numberValue >= 0 && numberValue <= MAX_VOLUME_)) return -1;
      } else {
        return -1;
      }
      if (seen & bit) return -1;
      seen |= bit;
      p = readSeparator(t, p, RBRACE);
      if (p === -1) return -1;
      if (p < -1) {
        p = -2 - p;
        break;
      }
    }
    if ((seen & 7) !== 7) return -1; // start, volume and ahtSeconds are required
    if (volume > 0 && aht === 0) return -1;
    if (out.count >= maxCount) return -1;
    out.push(volume, aht, startFrom, startTo);
    p = readSeparator(t, p, RBRACKET);
    if (p === -1) return -1;
    if (p < -1) return -2 - p;
  }
}

/** Reads `target` at `p` into `targetOut` (schema order, present fields only); the position after it, or -1. */
let targetOut: StaffingTargets = {};
function readTarget(t: Uint8Array, p: number): number {
  if ((t[p] as number) !== LBRACE) return -1;
  p = skipWs(t, p + 1);
  let serviceLevel: number | undefined;
  let answerSeconds: number | undefined;
  let maxAsaSeconds: number | undefined;
  let maxOccupancy: number | undefined;
  if ((t[p] as number) === RBRACE) {
    p++;
  } else {
    for (;;) {
      let q: number;
      if ((q = readKey(t, p, 'serviceLevel')) >= 0 && serviceLevel === undefined) {
        p = readNumber(t, q);
        serviceLevel = numberValue;
        if (!(serviceLevel > 0 && serviceLevel < 1)) return -1;
      } else if ((q = readKey(t, p, 'answerSeconds')) >= 0 && answerSeconds === undefined) {
        p = readNumber(t, q);
        answerSeconds = numberValue;
        if (!(answerSeconds >= 0 && answerSeconds <= MAX_SECONDS_)) return -1;
      } else if ((q = readKey(t, p, 'maxAsaSeconds')) >= 0 && maxAsaSeconds === undefined) {
        p = readNumber(t, q);
        maxAsaSeconds = numberValue;
        if (!(maxAsaSeconds > 0 && maxAsaSeconds <= MAX_SECONDS_)) return -1;
      } else if ((q = readKey(t, p, 'maxOccupancy')) >= 0 && maxOccupancy === undefined) {
        p = readNumber(t, q);
        maxOccupancy = numberValue;
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) return -1;
      } else {
        return -1; // maxAbandonRate (not for Erlang C), an unknown or repeated key
      }
      if (p < 0) return -1;
      p = readSeparator(t, p, RBRACE);
      if (p === -1) return -1;
      if (p < -1) {
        p = -2 - p;
        break;
      }
    }
  }
  if (serviceLevel !== undefined && answerSeconds === undefined) return -1;
  // The schema's output order: the fields of StaffingTargetSchema, present ones only.
  const target: StaffingTargets = {};
  if (serviceLevel !== undefined) target.serviceLevel = serviceLevel;
  if (answerSeconds !== undefined) target.answerSeconds = answerSeconds;
  if (maxAsaSeconds !== undefined) target.maxAsaSeconds = maxAsaSeconds;
  if (maxOccupancy !== undefined) target.maxOccupancy = maxOccupancy;
  targetOut = target;
  return p;
}

/** True when text[from, to) has no quote, backslash or control character (its JSON value is itself). */
function plainSpan(t: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = t[k] as number;
    if (c === QUOTE || c === BACKSLASH || c < 0x20) return false;
  }
  return true;
}

/**
 * Reads a `POST /v1/staffing` body of the common shape into columns, checking every rule of
 * `StaffingRequestSchema` that applies to it (ranges, required fields, cross-field rules) and
 * reading each start as `staffRequest` does. Returns `undefined` for any body it does not handle
 * or that breaks a rule, or that holds more than `maxIntervals` intervals (it stops reading there):
 * the caller then parses and validates it the ordinary way. O(body bytes).
 *
 * @example readFastStaffingBody('{"intervals":[{"start":"2026-06-01T09:00:00Z","volume":100,"ahtSeconds":180}]}')?.count // 1
 */
export function readFastStaffingBody(
  text: Uint8Array,
  maxIntervals: number = MAX_INTERVALS,
): FastStaffingBody | undefined {
  const t = text;
  const out = scratch;
  out.count = 0;
  let intervalMinutes: number | undefined;
  let timeZone: string | undefined;
  let target: StaffingTargets | undefined;
  let shrinkage: number | undefined;
  let seen = 0;
  let p = skipWs(t, 0);
  if ((t[p] as number) !== LBRACE) return undefined;
  p = skipWs(t, p + 1);
  for (;;) {
    let q: number;
    let bit: number;
    if ((q = readKey(t, p, 'intervals')) >= 0) {
      bit = 1;
      p = readIntervals(t, q, out, maxIntervals);
    } else if ((q = readKey(t, p, 'intervalMinutes')) >= 0) {
      bit = 2;
      p = readNumber(t, q);
      intervalMinutes = numberValue;
      if (!(INTERVAL_MINUTES as readonly number[]).includes(intervalMinutes)) return undefined;
    } else if ((q = readKey(t, p, 'timeZone')) >= 0) {
      bit = 4;
      p = readString(t, q);
      if (p < 0) return undefined;
      timeZone = utf8.decode(t.subarray(q + 1, stringEnd));
      if (!IANAZone.isValidZone(timeZone)) return undefined;
    } else if ((q = readKey(t, p, 'target')) >= 0) {
      bit = 8;
      p = readTarget(t, q);
      target = targetOut;
    } else if ((q = readKey(t, p, 'shrinkage')) >= 0) {
      bit = 16;
      p = readNumber(t, q);
      shrinkage = numberValue;
      if (!(shrinkage >= 0 && shrinkage < 1)) return undefined;
    } else if ((q = readKey(t, p, 'model')) >= 0) {
      bit = 32;
      p = bytesAre(t, q, '"erlang-c"') ? q + 10 : -1;
    } else if ((q = readKey(t, p, 'volumeQuantile')) >= 0) {
      bit = 64;
      p = bytesAre(t, q, '"p50"') ? q + 5 : -1; // p10 / p90 staff at a band: the ordinary path
    } else {
      return undefined;
    }
    if (p < 0 || seen & bit) return undefined;
    seen |= bit;
    p = readSeparator(t, p, RBRACE);
    if (p === -1) return undefined;
    if (p < -1) {
      p = -2 - p;
      break;
    }
  }
  if (skipWs(t, p) !== t.length || !(seen & 1)) return undefined;
  const zone = timeZone ?? 'UTC';
  const utc = zone === 'UTC';
  if (scratchStarts.length < out.count) scratchStarts = new Float64Array(out.volume.length);
  const startMs = scratchStarts;
  for (let i = 0; i < out.count; i++) {
    const from = out.startFrom[i] as number;
    const to = out.startTo[i] as number;
    let ms = readIsoStart(text, from, to, utc);
    if (Number.isNaN(ms)) {
      if (!plainSpan(text, from, to)) return undefined;
      try {
        ms = parseInstant(utf8.decode(text.subarray(from, to)), zone, `intervals[${i}].start`);
      } catch {
        return undefined; // staffRequest reports it
      }
    }
    startMs[i] = ms;
  }
  return {
    intervalMinutes,
    timeZone,
    answerZone: timeZone ?? startsZone(text, out),
    target: target ?? { ...DEFAULT_TARGET },
    shrinkage,
    count: out.count,
    volume: out.volume,
    ahtSeconds: out.ahtSeconds,
    startMs,
  };
}

/**
 * The zone of a body without one, as `staffRequest` reports it: the one offset its starts are
 * written with, else UTC (time/offset-zone.ts). O(intervals), only when no zone is given.
 */
function startsZone(
  text: Uint8Array,
  out: { count: number; startFrom: ArrayLike<number>; startTo: ArrayLike<number> },
): string {
  const starts: string[] = [];
  for (let i = 0; i < out.count; i++) starts.push(utf8.decode(text.subarray(out.startFrom[i], out.startTo[i])));
  return singleOffsetZone(starts).zone ?? 'UTC';
}
