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
  const sections = new Sections(text);
  const days = sections.number(sections.need('SECTION_HORIZON')[0]?.[0], 'SECTION_HORIZON');
  const shifts = readShiftTypes(sections);
  const { cells, cellsByDay } = dayTypeCells(days, shifts);
  readCover(sections, shifts, cells, days);
  const staffRows = sections.need('SECTION_STAFF');
  const staffIds = staffRows.map((r) => r[0]!);
  const agents = staffRows.map((row, i) => staffAgent(sections, row, i, shifts, cells.length, days));
  readRequests(sections, agents, shifts, { cells, cellsByDay, days });
  const weekendOfDay = new Int32Array(days);
  const weekStarts: number[] = [];
  for (let d = 0; d < days; d++) {
    weekendOfDay[d] = d % 7 >= 5 ? Math.floor(d / 7) : -1;
    if (d % 7 === 0) weekStarts.push(d);
  }
  const problem: CoreProblem = {
    days,
    weekendOfDay,
    weekStarts,
    types: shifts.ids.length,
    cells,
    cellsByDay,
    agents,
    forbiddenFollow: shifts.forbiddenFollow,
    minRestMinutes: 0,
    maxStartSpreadMinutes: Infinity,
    twoConsecutiveDaysOffPerWeek: false,
    weekendsOffEveryOtherWeek: false,
    rules: curtoisQuRules(),
  };
  return { problem, staffIds, shiftIds: shifts.ids, horizonDays: days };
}

/**
 * The instance's sections (`SECTION_...`) as comma-separated rows, with coded errors for what is missing or not a
 * number.
 */
class Sections {
  private readonly rows = new Map<string, string[][]>();

  constructor(text: string) {
    let current = '';
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      if (line.startsWith('SECTION_')) {
        current = line;
        this.rows.set(current, []);
        continue;
      }
      this.rows.get(current)?.push(line.split(',').map((x) => x.trim()));
    }
  }

  /** The section's rows, or [] when it is absent. */
  optional(name: string): string[][] {
    return this.rows.get(name) ?? [];
  }

  need(name: string): string[][] {
    const rows = this.rows.get(name);
    if (!rows)
      throw new WfmError('WFM_ERR_INPUT_INVALID', `Curtois & Qu instance: missing ${name}.`, {
        issues: [{ path: [name], message: 'missing section' }],
      });
    return rows;
  }

  number(v: string | undefined, where: string): number {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n)) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `Curtois & Qu instance: bad number "${v ?? ''}" at ${where}.`, {
        issues: [{ path: [where], message: 'not a number' }],
      });
    }
    return n;
  }
}

/** The shift types: ids, index by id, lengths (minutes) and forbidden successions. */
interface ShiftTypes {
  ids: string[];
  typeOf: Map<string, number>;
  lengths: number[];
  forbiddenFollow: Uint8Array;
}

function readShiftTypes(sections: Sections): ShiftTypes {
  const shiftRows = sections.need('SECTION_SHIFTS');
  const ids = shiftRows.map((r) => r[0]!);
  const typeCount = ids.length;
  const typeOf = new Map(ids.map((s, i) => [s, i]));
  const lengths = shiftRows.map((r, i) => sections.number(r[1], `SECTION_SHIFTS[${i}]`));
  const forbiddenFollow = new Uint8Array(typeCount * typeCount);
  shiftRows.forEach((r, a) => {
    for (const b of (r[2] ?? '').split('|').filter((x) => x !== '')) {
      const t = typeOf.get(b);
      if (t !== undefined) forbiddenFollow[a * typeCount + t] = 1;
    }
  });
  return { ids, typeOf, lengths, forbiddenFollow };
}

/** One cell per (day, shift type), nothing required until the cover section says so. */
function dayTypeCells(days: number, shifts: ShiftTypes): { cells: CoreCell[]; cellsByDay: number[][] } {
  const cells: CoreCell[] = [];
  const cellsByDay: number[][] = [];
  for (let d = 0; d < days; d++) {
    const list: number[] = [];
    for (let t = 0; t < shifts.ids.length; t++) {
      list.push(cells.length);
      cells.push({
        key: `${shifts.ids[t]}@${d}`,
        day: d,
        type: t,
        required: 0,
        underWeight: 0,
        overWeight: 0,
        startMinute: d * 1440,
        endMinute: d * 1440 + shifts.lengths[t]!,
        paidMinutes: shifts.lengths[t]!,
        startOfDayMinute: 0,
        isLate: false,
      });
    }
    cellsByDay.push(list);
  }
  return { cells, cellsByDay };
}

/** Cover per (day, type): the requirement and the weights per agent under and over. */
function readCover(sections: Sections, shifts: ShiftTypes, cells: CoreCell[], days: number): void {
  for (const [i, r] of sections.need('SECTION_COVER').entries()) {
    const d = sections.number(r[0], `SECTION_COVER[${i}].day`);
    const t = shifts.typeOf.get(r[1] ?? '');
    if (t === undefined || d < 0 || d >= days) continue;
    const cell = cells[d * shifts.ids.length + t]!;
    cell.required = sections.number(r[2], `SECTION_COVER[${i}].requirement`);
    cell.underWeight = sections.number(r[3], `SECTION_COVER[${i}].under`);
    cell.overWeight = sections.number(r[4], `SECTION_COVER[${i}].over`);
  }
}

/** One staff row: per-type maximums, total minutes over the horizon, run and weekend limits. */
function staffAgent(
  sections: Sections,
  r: string[],
  i: number,
  shifts: ShiftTypes,
  cellCount: number,
  days: number,
): CoreAgent {
  const num = (v: string | undefined, what: string) => sections.number(v, `SECTION_STAFF[${i}].${what}`);
  const maxPerType = new Array<number>(shifts.ids.length).fill(Infinity);
  for (const part of (r[1] ?? '').split('|').filter((x) => x !== '')) {
    const [s, n] = part.split('=');
    const t = shifts.typeOf.get(s ?? '');
    if (t !== undefined) maxPerType[t] = num(n, 'maxShifts');
  }
  return {
    id: r[0]!,
    allowed: new Uint8Array(cellCount).fill(1),
    workCost: new Float64Array(cellCount),
    offCost: new Float64Array(days),
    windows: [
      {
        fromDay: 0,
        toDay: days,
        maxMinutes: num(r[2], 'maxTotalMinutes'),
        minMinutes: num(r[3], 'minTotalMinutes'),
        maxDays: Infinity,
      },
    ],
    maxPerType,
    maxConsecutiveDays: num(r[4], 'maxConsecutiveShifts'),
    minConsecutiveDays: num(r[5], 'minConsecutiveShifts'),
    minConsecutiveDaysOff: num(r[6], 'minConsecutiveDaysOff'),
    maxWeekends: num(r[7], 'maxWeekends'),
    workedPreviousWeekend: false,
    inFairness: false,
  };
}

/**
 * Days off as unavailability; a shift-on request costs its weight on every other cell of the day
 * and on the day off; a shift-off request costs its weight on that cell.
 */
function readRequests(
  sections: Sections,
  agents: CoreAgent[],
  shifts: ShiftTypes,
  grid: { cells: CoreCell[]; cellsByDay: number[][]; days: number },
): void {
  const { cells, cellsByDay, days } = grid;
  const staffIndex = new Map(agents.map((a, i) => [a.id, i]));
  const agentOf = (id: string | undefined) => agents[staffIndex.get(id ?? '') ?? -1];
  for (const r of sections.optional('SECTION_DAYS_OFF')) {
    const agent = agentOf(r[0]);
    if (!agent) continue;
    for (const dv of r.slice(1)) {
      const d = Number(dv);
      for (const c of cellsByDay[d] ?? []) agent.allowed[c] = 0;
    }
  }
  for (const r of sections.optional('SECTION_SHIFT_ON_REQUESTS')) {
    const agent = agentOf(r[0]);
    const d = Number(r[1]);
    const t = shifts.typeOf.get(r[2] ?? '');
    if (!agent || t === undefined || !(d >= 0 && d < days)) continue;
    const w = Number(r[3]);
    agent.offCost[d]! += w;
    for (const c of cellsByDay[d]!) if (cells[c]!.type !== t) agent.workCost[c]! += w;
  }
  for (const r of sections.optional('SECTION_SHIFT_OFF_REQUESTS')) {
    const agent = agentOf(r[0]);
    const d = Number(r[1]);
    const t = shifts.typeOf.get(r[2] ?? '');
    if (!agent || t === undefined || !(d >= 0 && d < days)) continue;
    agent.workCost[d * shifts.ids.length + t]! += Number(r[3]);
  }
}

/** With these settings the roster's soft score is the benchmark's objective; staff limits are hard. */
function curtoisQuRules(): CoreProblem['rules'] {
  const rules = defaultRuleSettings();
  rules.coverUnder = { hard: false, weight: 1 };
  rules.coverOver = { hard: false, weight: 1 };
  rules.preference = { hard: false, weight: 1 };
  // minutes are scored per hour so one missing shift weighs like a few other hard violations
  rules.minMinutes = { hard: true, weight: 1 / 60 };
  rules.maxMinutes = { hard: true, weight: 1 / 60 };
  return rules;
}
