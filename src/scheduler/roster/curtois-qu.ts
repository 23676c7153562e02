import { WfmError } from '../../errors.js';
import { defaultRuleSettings, type CoreAgent, type CoreCell, type CoreProblem } from './problem.js';

/** A Curtois & Qu instance converted to the roster core, with its names for reporting. */
export interface CurtoisQuInstance {
  problem: CoreProblem;
  staffIds: string[];
  shiftIds: string[];
  horizonDays: number;
}

/**
 * Reads a Curtois & Qu "Employee Shift Scheduling Benchmark" text instance (schedulingbenchmarks.org;
 * format in ../shared/scheduling-benchmarks/curtois-qu-nrp-24/README.md) into the roster's own
 * rules: cover per (day, shift type) as soft under/over weights, shift on/off requests as soft
 * preference costs, days off as unavailability, and the staff limits (max shifts per type, total
 * minutes, consecutive shifts and days off, weekends, forbidden successions) as hard rules.
 * With these settings the roster's soft score equals the benchmark's objective. O(text size).
 */
export function readCurtoisQu(text: string): CurtoisQuInstance {
  const sections = new Map<string, string[][]>();
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      current = line;
      sections.set(current, []);
      continue;
    }
    sections.get(current)?.push(line.split(',').map((x) => x.trim()));
  }
  const need = (name: string): string[][] => {
    const rows = sections.get(name);
    if (!rows)
      throw new WfmError('WFM_ERR_INPUT_INVALID', `Curtois & Qu instance: missing ${name}.`, {
        issues: [{ path: [name], message: 'missing section' }],
      });
    return rows;
  };
  const num = (v: string | undefined, where: string): number => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n)) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `Curtois & Qu instance: bad number "${v ?? ''}" at ${where}.`, {
        issues: [{ path: [where], message: 'not a number' }],
      });
    }
    return n;
  };
  const D = num(need('SECTION_HORIZON')[0]?.[0], 'SECTION_HORIZON');
  const shiftRows = need('SECTION_SHIFTS');
  const shiftIds = shiftRows.map((r) => r[0]!);
  const T = shiftIds.length;
  const typeOf = new Map(shiftIds.map((s, i) => [s, i]));
  const lengths = shiftRows.map((r, i) => num(r[1], `SECTION_SHIFTS[${i}]`));
  const forbiddenFollow = new Uint8Array(T * T);
  shiftRows.forEach((r, a) => {
    for (const b of (r[2] ?? '').split('|').filter((x) => x !== '')) {
      const t = typeOf.get(b);
      if (t !== undefined) forbiddenFollow[a * T + t] = 1;
    }
  });
  // cells: one per (day, type)
  const cells: CoreCell[] = [];
  const cellsByDay: number[][] = [];
  for (let d = 0; d < D; d++) {
    const list: number[] = [];
    for (let t = 0; t < T; t++) {
      list.push(cells.length);
      cells.push({
        key: `${shiftIds[t]}@${d}`,
        day: d,
        type: t,
        required: 0,
        underWeight: 0,
        overWeight: 0,
        startMinute: d * 1440,
        endMinute: d * 1440 + lengths[t]!,
        paidMinutes: lengths[t]!,
        startOfDayMinute: 0,
        isLate: false,
      });
    }
    cellsByDay.push(list);
  }
  const cellOf = (d: number, t: number): CoreCell => cells[d * T + t]!;
  for (const [i, r] of need('SECTION_COVER').entries()) {
    const d = num(r[0], `SECTION_COVER[${i}].day`);
    const t = typeOf.get(r[1] ?? '');
    if (t === undefined || d < 0 || d >= D) continue;
    const cell = cellOf(d, t);
    cell.required = num(r[2], `SECTION_COVER[${i}].requirement`);
    cell.underWeight = num(r[3], `SECTION_COVER[${i}].under`);
    cell.overWeight = num(r[4], `SECTION_COVER[${i}].over`);
  }
  const staffRows = need('SECTION_STAFF');
  const staffIds = staffRows.map((r) => r[0]!);
  const staffIndex = new Map(staffIds.map((s, i) => [s, i]));
  const agents: CoreAgent[] = staffRows.map((r, i) => {
    const maxPerType = new Array<number>(T).fill(Infinity);
    for (const part of (r[1] ?? '').split('|').filter((x) => x !== '')) {
      const [s, n] = part.split('=');
      const t = typeOf.get(s ?? '');
      if (t !== undefined) maxPerType[t] = num(n, `SECTION_STAFF[${i}].maxShifts`);
    }
    return {
      id: r[0]!,
      allowed: new Uint8Array(cells.length).fill(1),
      workCost: new Float64Array(cells.length),
      offCost: new Float64Array(D),
      windows: [
        {
          fromDay: 0,
          toDay: D,
          maxMinutes: num(r[2], `SECTION_STAFF[${i}].maxTotalMinutes`),
          minMinutes: num(r[3], `SECTION_STAFF[${i}].minTotalMinutes`),
          maxDays: Infinity,
        },
      ],
      maxPerType,
      maxConsecutiveDays: num(r[4], `SECTION_STAFF[${i}].maxConsecutiveShifts`),
      minConsecutiveDays: num(r[5], `SECTION_STAFF[${i}].minConsecutiveShifts`),
      minConsecutiveDaysOff: num(r[6], `SECTION_STAFF[${i}].minConsecutiveDaysOff`),
      maxWeekends: num(r[7], `SECTION_STAFF[${i}].maxWeekends`),
      workedPreviousWeekend: false,
      inFairness: false,
    };
  });
  for (const r of sections.get('SECTION_DAYS_OFF') ?? []) {
    const agent = agents[staffIndex.get(r[0] ?? '') ?? -1];
    if (!agent) continue;
    for (const dv of r.slice(1)) {
      const d = Number(dv);
      for (const c of cellsByDay[d] ?? []) agent.allowed[c] = 0;
    }
  }
  for (const r of sections.get('SECTION_SHIFT_ON_REQUESTS') ?? []) {
    const agent = agents[staffIndex.get(r[0] ?? '') ?? -1];
    const d = Number(r[1]);
    const t = typeOf.get(r[2] ?? '');
    if (!agent || t === undefined || !(d >= 0 && d < D)) continue;
    const w = Number(r[3]);
    agent.offCost[d]! += w;
    for (const c of cellsByDay[d]!) if (cells[c]!.type !== t) agent.workCost[c]! += w;
  }
  for (const r of sections.get('SECTION_SHIFT_OFF_REQUESTS') ?? []) {
    const agent = agents[staffIndex.get(r[0] ?? '') ?? -1];
    const d = Number(r[1]);
    const t = typeOf.get(r[2] ?? '');
    if (!agent || t === undefined || !(d >= 0 && d < D)) continue;
    agent.workCost[d * T + t]! += Number(r[3]);
  }
  const weekendOfDay = new Int32Array(D);
  const weekStarts: number[] = [];
  for (let d = 0; d < D; d++) {
    weekendOfDay[d] = d % 7 >= 5 ? Math.floor(d / 7) : -1;
    if (d % 7 === 0) weekStarts.push(d);
  }
  const rules = defaultRuleSettings();
  rules.coverUnder = { hard: false, weight: 1 };
  rules.coverOver = { hard: false, weight: 1 };
  rules.preference = { hard: false, weight: 1 };
  // minutes are scored per hour so one missing shift weighs like a few other hard violations
  rules.minMinutes = { hard: true, weight: 1 / 60 };
  rules.maxMinutes = { hard: true, weight: 1 / 60 };
  const problem: CoreProblem = {
    days: D,
    weekendOfDay,
    weekStarts,
    types: T,
    cells,
    cellsByDay,
    agents,
    forbiddenFollow,
    minRestMinutes: 0,
    maxStartSpreadMinutes: Infinity,
    twoConsecutiveDaysOffPerWeek: false,
    weekendsOffEveryOtherWeek: false,
    rules,
  };
  return { problem, staffIds, shiftIds, horizonDays: D };
}
