/**
 * The one reader of ISO 8601 timestamp text, `YYYY-MM-DD[T or space]HH:mm[:ss[.fff]]` then `Z`,
 * `±HH`, `±HHmm`, `±HH:mm` or nothing, into checked fields (the calendar date exists, hours < 24).
 * Callers decide what a form means: `parseInstant`'s fast path takes only the `T` form and leaves
 * the rest to luxon; history files also accept the space form of spreadsheet exports.
 * (time/iso-bytes.ts reads the same form from bytes, for request bodies that are never decoded.)
 */
const ISO_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,30}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

export interface IsoFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** floor(0.fraction x 1000), as luxon reads it. */
  millisecond: number;
  /** Minutes east of UTC as written; undefined when no offset is written. */
  offsetMinutes: number | undefined;
  separator: 'T' | ' ';
}

/** The fields of an ISO timestamp, or undefined for any other text or an impossible date or time. */
export function readIsoFields(text: string): IsoFields | undefined {
  const m = ISO_TEXT.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = m[7] === undefined ? 0 : Number(m[7]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millisecond = m[8] === undefined ? 0 : Math.floor(parseFloat(`0.${m[8]}`) * 1000);
  let offsetMinutes: number | undefined;
  if (m[9] !== undefined) offsetMinutes = 0;
  else if (m[10] !== undefined) {
    const offHours = Number(m[11]);
    const offMinutes = m[12] === undefined ? 0 : Number(m[12]);
    if (offHours > 23 || offMinutes > 59) return undefined;
    offsetMinutes = (m[10] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  }
  return { year, month, day, hour, minute, second, millisecond, offsetMinutes, separator: m[4] as 'T' | ' ' };
}

/** Epoch ms of the fields read as wall-clock time in UTC (the offset not applied). */
export function wallClockMs(f: IsoFields): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}
