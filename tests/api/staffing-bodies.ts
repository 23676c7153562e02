/**
 * Staffing bodies for the tests of the fast reader and the headcount view: the common shape
 * (an Erlang C queue of start / volume / ahtSeconds rows) written in the many ways JSON allows,
 * and random edits of them.
 */
import fc from 'fast-check';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** A start in one of the forms clients send, for epoch ms `ms`. */
export function startText(ms: number, form: number, offsetMinutes: number): string {
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  switch (form) {
    case 0:
      return iso;
    case 1:
      return iso.replace('.000Z', 'Z').replace(/\.\d{3}Z$/, 'Z');
    case 2: {
      const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
      return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
    }
    case 3:
      return iso.slice(0, 19); // wall-clock, read in UTC
    default:
      return iso.replace('Z', 'z');
  }
}

const WS = fc.constantFrom('', '', '', ' ', '\n  ', '\t', '\r\n');

/** A number written in one of the ways JSON allows, with the same value. */
function numberText(value: number, style: number): string {
  if (Number.isInteger(value)) {
    if (style === 1) return `${value}.0`;
    if (style === 2) return value.toExponential();
    if (style === 3) return `${value}e0`;
  } else if (style === 2) {
    return value.toExponential();
  }
  return String(value);
}

export interface BodySpec {
  intervalMinutes: 15 | 30 | undefined;
  timeZone: string | undefined;
  target: Record<string, number> | undefined;
  shrinkage: number | undefined;
  model: boolean;
  quantile: boolean;
  rows: { volume: number; ahtSeconds: number; p10?: number; p90?: number }[];
  startMs: number;
  form: number;
  offset: number;
  shuffle: number[];
  keyOrder: number;
  ws: string[];
  styles: number[];
}

export const bodySpec: fc.Arbitrary<BodySpec> = fc.record({
  intervalMinutes: fc.constantFrom(15 as const, 30 as const, undefined),
  timeZone: fc.constantFrom(undefined, 'UTC', 'Europe/Paris', 'America/New_York'),
  target: fc.option(
    fc.oneof(
      fc.record({
        serviceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        answerSeconds: fc.integer({ min: 0, max: 60 }),
      }),
      fc.record({
        answerSeconds: fc.integer({ min: 0, max: 60 }),
        serviceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        maxOccupancy: fc.double({ min: 0.5, max: 1, noNaN: true }),
      }),
      fc.record({ maxAsaSeconds: fc.integer({ min: 5, max: 60 }) }),
      fc.constant({}),
    ),
    { nil: undefined },
  ),
  shrinkage: fc.option(fc.double({ min: 0, max: 0.6, noNaN: true }), { nil: undefined }),
  model: fc.boolean(),
  quantile: fc.boolean(),
  rows: fc.array(
    fc.record(
      {
        volume: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0.5, max: 400, noNaN: true })),
        ahtSeconds: fc.integer({ min: 30, max: 600 }),
        p10: fc.integer({ min: 0, max: 300 }),
        p90: fc.integer({ min: 0, max: 500 }),
      },
      { requiredKeys: ['volume', 'ahtSeconds'] },
    ),
    { minLength: 1, maxLength: 30 },
  ),
  startMs: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((ms) => ms - (ms % 1_800_000)),
  form: fc.integer({ min: 0, max: 4 }),
  offset: fc.constantFrom(0, 60, -300, 330, -210, 525),
  shuffle: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  keyOrder: fc.nat(),
  ws: fc.array(WS, { minLength: 8, maxLength: 8 }),
  styles: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
});

/** Writes a body from its spec: keys in a spec-chosen order, spaced and spelled per the spec. */
export function writeBody(spec: BodySpec): string {
  const w = (k: number) => spec.ws[k % spec.ws.length] ?? '';
  const num = (v: number, k: number) => numberText(v, spec.styles[k % spec.styles.length] ?? 0);
  const rows = spec.rows.map((row, i) => {
    const start = startText(spec.startMs + i * (spec.intervalMinutes ?? 30) * 60_000, spec.form, spec.offset);
    const members = [
      `"start"${w(i)}:${w(i + 1)}"${start}"`,
      `"volume":${num(row.volume, i)}`,
      `"ahtSeconds":${w(i + 2)}${num(row.ahtSeconds, i + 1)}`,
    ];
    if (row.p10 !== undefined) members.push(`"volumeP10":${num(row.p10, i + 2)}`);
    if (row.p90 !== undefined) members.push(`"volumeP90":${num(row.p90, i + 3)}`);
    const order = (spec.shuffle[i % spec.shuffle.length] ?? 0) % members.length;
    return `{${w(i + 3)}${[...members.slice(order), ...members.slice(0, order)].join(`${w(i + 4)},`)}${w(i + 5)}}`;
  });
  // Row order shuffled too: staffRequest keeps the request's order.
  const order = rows.map((_, i) => i).sort((a, b) => (spec.shuffle[a % 40] ?? 0) - (spec.shuffle[b % 40] ?? 0));
  const top: string[] = [`"intervals":${w(0)}[${order.map((i) => rows[i]).join(`,${w(6)}`)}]`];
  if (spec.intervalMinutes !== undefined) top.push(`"intervalMinutes":${num(spec.intervalMinutes, 1)}`);
  if (spec.timeZone !== undefined) top.push(`"timeZone":"${spec.timeZone}"`);
  if (spec.target !== undefined)
    top.push(
      `"target":{${Object.entries(spec.target)
        .map(([k, v], i) => `"${k}":${w(i)}${num(v, i)}`)
        .join(',')}}`,
    );
  if (spec.shrinkage !== undefined) top.push(`"shrinkage":${num(spec.shrinkage, 2)}`);
  if (spec.model) top.push('"model":"erlang-c"');
  if (spec.quantile) top.push('"volumeQuantile":"p50"');
  const k = spec.keyOrder % top.length;
  return `${w(7)}{${[...top.slice(k), ...top.slice(0, k)].join(`,${w(3)}`)}}${w(2)}`;
}

/** Edits of a valid body's text that may or may not keep it valid. */
export const bodyEdits: [string, (text: string, at: number, extra: string) => string][] = [
  ['truncate', (t, at) => t.slice(0, at % t.length)],
  ['delete a character', (t, at) => t.slice(0, at % t.length) + t.slice((at % t.length) + 1)],
  ['insert text', (t, at, extra) => t.slice(0, at % t.length) + extra + t.slice(at % t.length)],
  [
    'replace a character',
    (t, at, extra) => t.slice(0, at % t.length) + (extra[0] ?? 'x') + t.slice((at % t.length) + 1),
  ],
];
/** What the edits insert. */
export const editExtras = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    '\\"',
    ',',
    ':',
    '{',
    '}',
    '[',
    ']',
    '-',
    '.',
    'e',
    'E+',
    '1e400',
    '0',
    '00',
    '-0',
    ' ',
    '\u0001',
    'é',
    '\u2028',
    'null',
    'true',
    '"volume":1,',
    '"start":"2026-06-01T00:00:00Z",',
    '"agents":3,',
    '"__proto__":{},',
    '"model":"erlang-a",',
    '"shrinkage":1,',
    '"maxAbandonRate":0.1,',
    '"timeZone":"Mars/Base",',
  ),
  fc.string({ maxLength: 6 }),
);
