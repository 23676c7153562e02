import { readIsoFields } from '../time/iso-fields.js';
import { WfmError, type WfmIssue } from '../errors.js';
import { INTERVAL_MINUTES, isIntervalMinutes, parseInstant, type IntervalMinutes } from '../time/instant.js';
import { LocalClock } from '../time/local-time.js';
import { singleOffsetZone } from '../time/offset-zone.js';
import type { ContactHistoryRow, HistoryInput, IntervalHistoryRow } from './types.js';

/**
 * History on the integer slot grid: day `d` (local epoch day `firstDay + d`), slot `s` (local
 * minute of day / intervalMinutes). `volume[d * slotsPerDay + s]` is NaN where there is no data
 * (a missing row, or the hour skipped by a spring-forward change); 0 is "no contacts".
 */
export interface HistoryGrid {
  clock: LocalClock;
  intervalMinutes: IntervalMinutes;
  slotsPerDay: number;
  firstDay: number;
  days: number;
  volume: Float64Array;
  /** Sum of volume x AHT (seconds) over the rows that gave an AHT. */
  ahtWork: Float64Array;
  /** Volume of the rows that gave an AHT. */
  ahtVolume: Float64Array;
  /** Local epoch day of the last instant with data. */
  lastDataDay: number;
  /**
   * Local dates (YYYY-MM-DD) of rows whose wall-clock time does not exist in the zone (the hour a
   * spring-forward change skips), kept in their wall-clock intervals; empty for most histories.
   */
  dstGapDates: string[];
}

const MAX_DAYS = 3 * 366;

function rowName(index: number, line: number | undefined, field: string): string {
  return line === undefined ? `history[${index}].${field}` : `line ${line} ${field}`;
}

function issuePath(index: number, line: number | undefined, field: string): (string | number)[] {
  return line === undefined ? ['history', index, field] : ['line', line, field];
}

function bad(
  message: string,
  issues: WfmIssue[],
  code: 'WFM_ERR_INPUT_INVALID' | 'WFM_ERR_INPUT_TIME' = 'WFM_ERR_INPUT_INVALID',
): WfmError {
  return new WfmError(code, message, { issues });
}

/** The zone to read and write in: the given one, else the single fixed offset of the input, else UTC. */
export function resolveZone(times: readonly (string | number)[], timeZone: string | undefined): string {
  if (timeZone) return timeZone;
  const single = singleOffsetZone(times);
  if (single.several) {
    const [a, b] = single.several;
    throw bad(
      'The history has more than one UTC offset (daylight-saving changes?): give its IANA time zone (--time-zone).',
      [{ path: ['timeZone'], message: `offsets ${a} and ${b} both occur` }],
      'WFM_ERR_INPUT_TIME',
    );
  }
  return single.zone ?? 'UTC';
}

/**
 * Local wall-clock ms (as if UTC, whole seconds) and the written offset (minutes east, or undefined) of an ISO time.
 */
function plainIso(value: string): { local: number; offsetMinutes: number | undefined } | undefined {
  const f = readIsoFields(value.trim());
  if (f === undefined) return undefined;
  const local = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return { local, offsetMinutes: f.offsetMinutes };
}

/** The earliest instant whose local time in `clock` is `local`, or undefined inside a DST gap. */
function earliestInstant(local: number, clock: LocalClock): number | undefined {
  let best: number | undefined;
  for (const probe of [local - 50_400_000, local + 50_400_000]) {
    const off = clock.offsetMinutes(probe);
    const instant = local - off * 60_000;
    if (clock.offsetMinutes(instant) === off && (best === undefined || instant < best)) best = instant;
  }
  return best;
}

/**
 * Epoch ms of a history time. Plain ISO forms take a fast path (35,000 rows would otherwise spend
 * most of the second in luxon); anything unusual, and every error, goes through `parseInstant`.
 */
function toMs(value: string | number, clock: LocalClock, field: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw bad(`${field}: not a time.`, [{ path: [field], message: 'not a finite epoch ms' }], 'WFM_ERR_INPUT_TIME');
    return value;
  }
  const plain = plainIso(value);
  if (plain) {
    if (plain.offsetMinutes !== undefined) return plain.local - plain.offsetMinutes * 60_000;
    const instant = earliestInstant(plain.local, clock);
    if (instant !== undefined) return instant;
  }
  return parseInstant(value, clock.name, field);
}

/**
 * The wall-clock slot of a zone-less ISO time that does not exist in the zone (inside a
 * spring-forward gap), or undefined. Exports that bucket contacts by naive local time often hold
 * such rows (a full 24 hours on the change day); they are kept in their wall-clock interval.
 */
function gapWallClock(
  value: string | number,
  clock: LocalClock,
): { epochDay: number; minuteOfDay: number } | undefined {
  const plain = typeof value === 'string' ? plainIso(value) : undefined;
  if (!plain || plain.offsetMinutes !== undefined || earliestInstant(plain.local, clock) !== undefined)
    return undefined;
  const epochDay = Math.floor(plain.local / 86_400_000);
  return { epochDay, minuteOfDay: (plain.local - epochDay * 86_400_000) / 60_000 };
}

/** Epoch ms of a history time, or NaN (with the slot in `gaps[i]`) for a wall-clock time in a DST gap. */
function timeOrGap(
  value: string | number,
  clock: LocalClock,
  field: string,
  gaps: Map<number, { epochDay: number; minuteOfDay: number }>,
  i: number,
): number {
  try {
    return toMs(value, clock, field);
  } catch (error) {
    const wall = gapWallClock(value, clock);
    if (!wall) throw error;
    gaps.set(i, wall);
    return Number.NaN;
  }
}

/** The sorted local dates (YYYY-MM-DD) of the rows kept in a DST gap. */
function gapDates(gaps: ReadonlyMap<number, { epochDay: number }>): string[] {
  return [
    ...new Set([...gaps.values()].map((w) => new Date(w.epochDay * 86_400_000).toISOString().slice(0, 10))),
  ].sort();
}

function isContactRows(history: HistoryInput): history is readonly ContactHistoryRow[] {
  const first = history[0] as Partial<ContactHistoryRow & IntervalHistoryRow> | undefined;
  return first !== undefined && first.timestamp !== undefined && first.start === undefined;
}

function emptyGrid(
  clock: LocalClock,
  intervalMinutes: IntervalMinutes,
  firstDay: number,
  days: number,
  lastDataDay: number,
): HistoryGrid {
  const slotsPerDay = 1440 / intervalMinutes;
  if (days > MAX_DAYS) {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `The history spans ${days} days; at most ${MAX_DAYS} are accepted.`, {
      issues: [{ path: ['history'], message: `spans ${days} days` }],
    });
  }
  const n = days * slotsPerDay;
  return {
    clock,
    intervalMinutes,
    slotsPerDay,
    firstDay,
    days,
    lastDataDay,
    volume: new Float64Array(n).fill(Number.NaN),
    ahtWork: new Float64Array(n),
    ahtVolume: new Float64Array(n),
    dstGapDates: [],
  };
}

/** The most common gap between consecutive sorted instants, minutes. */
function modalGapMinutes(sorted: Float64Array): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < sorted.length; i++) {
    const gap = ((sorted[i] as number) - (sorted[i - 1] as number)) / 60_000;
    counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [gap, count] of counts)
    if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count];
  return best;
}

/**
 * Validates history rows and puts them on the slot grid, summing up to `intervalMinutes` when the
 * history is finer. Throws a `WfmError` naming the row for an unparsable time, a negative or
 * non-finite count, a duplicate interval, or a start off the interval grid.
 *
 * Complexity O(n + days x slotsPerDay).
 */
export function buildGrid(
  history: HistoryInput,
  timeZone: string | undefined,
  intervalMinutes: IntervalMinutes | undefined,
  /** False for rows kept rather than forecast (a day appended to the store): no one-week minimum. */
  needWeek = true,
): HistoryGrid {
  if (history.length === 0)
    throw new WfmError('WFM_ERR_FORECAST_HISTORY_SHORT', 'The history is empty.', {
      issues: [{ path: ['history'], message: 'empty' }],
    });
  if (isContactRows(history)) return contactGrid(history, timeZone, intervalMinutes, needWeek);
  const rows = history as readonly IntervalHistoryRow[];
  const zone = resolveZone(
    rows.map((r) => r.start),
    timeZone,
  );
  const clock = new LocalClock(zone);
  const n = rows.length;
  const { ms, gaps } = rowInstants(rows, clock);
  const { order, sorted } = sortedInstants(rows, ms, gaps);
  const timed = order.length;
  if (timed < 2)
    throw new WfmError('WFM_ERR_FORECAST_HISTORY_SHORT', 'The history has a single row; at least one week is needed.', {
      issues: [{ path: ['history'], message: 'one row' }],
    });
  const gap = modalGapMinutes(sorted);
  const dataMinutes = gap;
  if (!isIntervalMinutes(dataMinutes)) {
    throw bad(
      `The history rows are mostly ${dataMinutes} minutes apart, which is not one of ${INTERVAL_MINUTES.join(', ')}.`,
      [{ path: ['intervalMinutes'], message: `inferred ${dataMinutes}` }],
      'WFM_ERR_INPUT_TIME',
    );
  }
  const target = intervalMinutes ?? dataMinutes;
  if (target % dataMinutes !== 0) {
    throw bad(
      `The history is in ${dataMinutes}-minute intervals, which do not add up to ${target}-minute intervals.`,
      [{ path: ['intervalMinutes'], message: `${target} is not a multiple of ${dataMinutes}` }],
      'WFM_ERR_INPUT_TIME',
    );
  }
  const { locals, firstDay, lastDay } = localSlots(rows, ms, gaps, clock, dataMinutes);
  if (needWeek) checkSpan(rows, order, sorted, dataMinutes);
  const grid = emptyGrid(clock, target, firstDay, lastDay - firstDay + 1, lastDay);
  grid.dstGapDates = gapDates(gaps);
  const S = grid.slotsPerDay;
  const parts = new Uint16Array(grid.days * S);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as IntervalHistoryRow;
    const local = locals[i] as { epochDay: number; minuteOfDay: number };
    const idx = (local.epochDay - firstDay) * S + Math.floor(local.minuteOfDay / target);
    grid.volume[idx] = (parts[idx] === 0 ? 0 : (grid.volume[idx] as number)) + row.volume;
    parts[idx] = (parts[idx] as number) + 1;
    if (row.ahtSeconds !== undefined && row.ahtSeconds !== null && row.volume > 0) {
      grid.ahtWork[idx] = (grid.ahtWork[idx] as number) + row.volume * row.ahtSeconds;
      grid.ahtVolume[idx] = (grid.ahtVolume[idx] as number) + row.volume;
    }
  }
  // A coarse slot with some parts missing is scaled up; the repeated hour of a fall-back day
  // (two parts per wall-clock slot) is averaged.
  const per = target / dataMinutes;
  for (let idx = 0; idx < parts.length; idx++) {
    const p = parts[idx] as number;
    if (p > 0 && p !== per) grid.volume[idx] = ((grid.volume[idx] as number) * per) / p;
  }
  return grid;
}

type WallClock = { epochDay: number; minuteOfDay: number };

/** Checks each row's fields and gives its instant (or, in a DST gap, its wall-clock slot). */
function rowInstants(
  rows: readonly IntervalHistoryRow[],
  clock: LocalClock,
): { ms: Float64Array; gaps: Map<number, WallClock> } {
  const n = rows.length;
  const ms = new Float64Array(n);
  const gaps = new Map<number, WallClock>();
  for (let i = 0; i < n; i++) {
    const row = rows[i] as IntervalHistoryRow;
    if (row.start === undefined || row.start === null)
      throw bad(
        `${rowName(i, row.line, 'start')}: missing.`,
        [{ path: issuePath(i, row.line, 'start'), message: 'missing' }],
        'WFM_ERR_INPUT_TIME',
      );
    ms[i] = timeOrGap(row.start, clock, rowName(i, row.line, 'start'), gaps, i);
    if (typeof row.volume !== 'number' || !Number.isFinite(row.volume) || row.volume < 0) {
      throw bad(`${rowName(i, row.line, 'volume')}: must be a count >= 0 (got ${String(row.volume)}).`, [
        { path: issuePath(i, row.line, 'volume'), message: 'must be a finite number >= 0' },
      ]);
    }
    const aht = row.ahtSeconds;
    if (aht !== undefined && aht !== null && (typeof aht !== 'number' || !Number.isFinite(aht) || aht < 0)) {
      throw bad(`${rowName(i, row.line, 'aht_seconds')}: must be seconds >= 0 (got ${String(aht)}).`, [
        { path: issuePath(i, row.line, 'ahtSeconds'), message: 'must be a finite number >= 0' },
      ]);
    }
  }
  return { ms, gaps };
}

/**
 * The instants of the rows outside DST gaps, sorted, with their row indices; throws on a duplicate
 * interval (gap rows are checked among themselves by wall-clock slot).
 */
function sortedInstants(
  rows: readonly IntervalHistoryRow[],
  ms: Float64Array,
  gaps: ReadonlyMap<number, WallClock>,
): { order: number[]; sorted: Float64Array } {
  const n = rows.length;
  // Rows in a DST gap have no instant: they are checked for duplicates among themselves and go
  // straight to their wall-clock slot; every other check runs on the instants of the rest.
  const seenGap = new Map<number, number>();
  for (const [i, wall] of gaps) {
    const key = wall.epochDay * 1440 + wall.minuteOfDay;
    const j = seenGap.get(key);
    if (j !== undefined) {
      const rb = rows[i] as IntervalHistoryRow;
      throw bad(
        `${rowName(i, rb.line, 'start')}: ` +
          `duplicate interval (same start ` +
          `as ${rowName(j, (rows[j] as IntervalHistoryRow).line, 'start')}).`,
        [
          {
            path: issuePath(i, rb.line, 'start'),
            message: `duplicate of ${rowName(j, (rows[j] as IntervalHistoryRow).line, 'start')}`,
          },
        ],
      );
    }
    seenGap.set(key, i);
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => !gaps.has(i))
    .sort((a, b) => (ms[a] as number) - (ms[b] as number));
  const timed = order.length;
  const sorted = new Float64Array(timed);
  for (let k = 0; k < timed; k++) {
    const i = order[k] as number;
    sorted[k] = ms[i] as number;
    if (k > 0 && sorted[k] === sorted[k - 1]) {
      const j = order[k - 1] as number;
      const [a, b] = [Math.min(i, j), Math.max(i, j)];
      const ra = rows[a] as IntervalHistoryRow;
      const rb = rows[b] as IntervalHistoryRow;
      throw bad(
        `${rowName(b, rb.line, 'start')}: duplicate interval (same start as ${rowName(a, ra.line, 'start')}).`,
        [{ path: issuePath(b, rb.line, 'start'), message: `duplicate of ${rowName(a, ra.line, 'start')}` }],
      );
    }
  }
  return { order, sorted };
}

/** Each row's local day and minute, checked to lie on the `dataMinutes` grid; the first and last local day. */
function localSlots(
  rows: readonly IntervalHistoryRow[],
  ms: Float64Array,
  gaps: ReadonlyMap<number, WallClock>,
  clock: LocalClock,
  dataMinutes: number,
): { locals: WallClock[]; firstDay: number; lastDay: number } {
  const n = rows.length;
  const locals = new Array<WallClock>(n);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const local = gaps.get(i) ?? clock.toLocal(ms[i] as number);
    if (local.minuteOfDay % dataMinutes !== 0) {
      const row = rows[i] as IntervalHistoryRow;
      throw bad(
        `${rowName(i, row.line, 'start')}` +
          `: ${String(row.start)} is ` +
          `not on the ${dataMinutes}` +
          `-minute grid of the other rows.`,
        [
          {
            path: issuePath(i, row.line, 'start'),
            message: `misaligned: not a multiple of ${dataMinutes} minutes after midnight`,
          },
        ],
        'WFM_ERR_INPUT_TIME',
      );
    }
    locals[i] = local;
    firstDay = Math.min(firstDay, local.epochDay);
    lastDay = Math.max(lastDay, local.epochDay);
  }
  return { locals, firstDay, lastDay };
}

/** Throws `WFM_ERR_FORECAST_HISTORY_SHORT` when the rows span less than a week (an hour of DST slack). */
function checkSpan(
  rows: readonly IntervalHistoryRow[],
  order: readonly number[],
  sorted: Float64Array,
  dataMinutes: number,
): void {
  const timed = order.length;
  const spanMs = (sorted[timed - 1] as number) - (sorted[0] as number) + dataMinutes * 60_000;
  if (spanMs < 7 * 86_400_000 - 3_600_000) {
    throw new WfmError(
      'WFM_ERR_FORECAST_HISTORY_SHORT',
      `The history covers ${(spanMs / 86_400_000).toFixed(1)} days; at least one week is needed.`,
      {
        issues: [
          {
            path: ['history'],
            message:
              `shorter than one week ` +
              `(last row: ` +
              `${rowName(order[timed - 1] as number, (rows[order[timed - 1] as number] as IntervalHistoryRow).line, 'start')})`,
          },
        ],
      },
    );
  }
}

function contactGrid(
  rows: readonly ContactHistoryRow[],
  timeZone: string | undefined,
  intervalMinutes: IntervalMinutes | undefined,
  needWeek: boolean,
): HistoryGrid {
  const zone = resolveZone(
    rows.map((r) => r.timestamp),
    timeZone,
  );
  const clock = new LocalClock(zone);
  const I = intervalMinutes ?? 15;
  const step = I * 60_000;
  const n = rows.length;
  const ms = new Float64Array(n);
  const gaps = new Map<number, { epochDay: number; minuteOfDay: number }>();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as ContactHistoryRow;
    ms[i] = timeOrGap(row.timestamp, clock, rowName(i, row.line, 'timestamp'), gaps, i);
    const h = row.handleSeconds;
    if (h !== undefined && h !== null && (typeof h !== 'number' || !Number.isFinite(h) || h < 0)) {
      throw bad(`${rowName(i, row.line, 'handle_seconds')}: must be seconds >= 0 (got ${String(h)}).`, [
        { path: issuePath(i, row.line, 'handleSeconds'), message: 'must be a finite number >= 0' },
      ]);
    }
    if (gaps.has(i)) continue;
    min = Math.min(min, ms[i] as number);
    max = Math.max(max, ms[i] as number);
  }
  if (min === Infinity)
    throw new WfmError(
      'WFM_ERR_FORECAST_HISTORY_SHORT',
      'The contact records cover 0 days; at least one week is needed.',
      { issues: [{ path: ['history'], message: 'shorter than one week' }] },
    );
  if (needWeek && max - min < 7 * 86_400_000 - step - 3_600_000) {
    throw new WfmError(
      'WFM_ERR_FORECAST_HISTORY_SHORT',
      `The contact records cover ${((max - min) / 86_400_000).toFixed(1)} days; at least one week is needed.`,
      {
        issues: [{ path: ['history'], message: 'shorter than one week' }],
      },
    );
  }
  const firstLocal = clock.toLocal(min);
  const lastLocal = clock.toLocal(max);
  const grid = emptyGrid(
    clock,
    I,
    firstLocal.epochDay,
    lastLocal.epochDay - firstLocal.epochDay + 1,
    lastLocal.epochDay,
  );
  grid.dstGapDates = gapDates(gaps);
  const S = grid.slotsPerDay;
  const slotOfLocal = (l: { epochDay: number; minuteOfDay: number }): number =>
    (l.epochDay - grid.firstDay) * S + Math.floor(l.minuteOfDay / I);
  const slotOf = (t: number): number => slotOfLocal(clock.toLocal(t));
  // The log is complete between its first and last interval: intervals without contacts are 0.
  // A wall-clock slot met twice (the repeated hour of a fall-back day) is averaged afterwards.
  const parts = new Uint8Array(grid.volume.length);
  const startMs = min - (firstLocal.minuteOfDay % I) * 60_000;
  for (let t = startMs; t <= max; t += step) {
    const idx = slotOf(t);
    grid.volume[idx] = 0;
    parts[idx] = (parts[idx] as number) + 1;
  }
  for (let i = 0; i < n; i++) {
    const wall = gaps.get(i);
    if (wall && (wall.epochDay < grid.firstDay || wall.epochDay >= grid.firstDay + grid.days)) continue;
    const idx = wall ? slotOfLocal(wall) : slotOf(ms[i] as number);
    if (Number.isNaN(grid.volume[idx] as number)) grid.volume[idx] = 0;
    grid.volume[idx] = (grid.volume[idx] as number) + 1;
    const h = (rows[i] as ContactHistoryRow).handleSeconds;
    if (h !== undefined && h !== null) {
      grid.ahtWork[idx] = (grid.ahtWork[idx] as number) + h;
      grid.ahtVolume[idx] = (grid.ahtVolume[idx] as number) + 1;
    }
  }
  for (let idx = 0; idx < parts.length; idx++) {
    const p = parts[idx] as number;
    if (p > 1) grid.volume[idx] = (grid.volume[idx] as number) / p;
  }
  return grid;
}
