/**
 * The skill groups of a simulation request: from a staffing (agents per group and interval) or from a
 * roster (named agents' shifts as on-phone masks, grouped by skills and handle-time factors).
 */
import type { z } from 'zod';
import type { WfmIssue } from '../errors.js';
import { learningCurveFactor, tenureMonthsAt, type LearningCurve } from '../multiskill/proficiency.js';
import type { SimGroup } from '../simulation/types.js';
import { parseInstant } from '../time/instant.js';
import { epochDayOfDate } from '../time/local-time.js';
import type {
  ParsedSimulationRequest,
  SimAgentInputSchema,
  SimShiftInputSchema,
  SimulationRequest,
} from './simulation-schema.js';

export interface BuiltGroups {
  groups: SimGroup[];
  labels: ParsedSimulationRequest['groupLabels'];
}

/** Queue indices of `skills` and their factors; unknown names are issues at `path`. */
function skillIndices(
  skills: readonly string[],
  prof: Record<string, number> | undefined,
  queueIndex: ReadonlyMap<string, number>,
  path: (string | number)[],
  issues: WfmIssue[],
): { skills: number[]; factors: number[] } {
  const out = { skills: [] as number[], factors: [] as number[] };
  skills.forEach((s, j) => {
    const q = queueIndex.get(s);
    if (q === undefined) issues.push({ path: [...path, 'skills', j], message: `no queue "${s}"` });
    else if (out.skills.includes(q))
      issues.push({ path: [...path, 'skills', j], message: `skill "${s}" is listed twice` });
    else {
      out.skills.push(q);
      out.factors.push(prof?.[s] ?? 1);
    }
  });
  for (const key of Object.keys(prof ?? {})) {
    if (!skills.includes(key))
      issues.push({ path: [...path, 'proficiency', key], message: `"${key}" is not one of its skills` });
  }
  return out;
}

export function groupsFromStaffing(
  groups: NonNullable<SimulationRequest['groups']>,
  queueIndex: ReadonlyMap<string, number>,
  intervals: number,
  issues: WfmIssue[],
): BuiltGroups {
  const out: BuiltGroups = { groups: [], labels: [] };
  groups.forEach((g, k) => {
    const { skills, factors } = skillIndices(g.skills, g.proficiency, queueIndex, ['groups', k], issues);
    if (g.agents.length !== intervals)
      issues.push({ path: ['groups', k, 'agents'], message: `needs ${intervals} values` });
    const label = g.name ?? g.skills.join('+');
    out.groups.push({ name: label, skills, handleTimeFactors: factors, agents: Int32Array.from(g.agents) });
    out.labels.push({ name: label, skills: g.skills, agents: Math.max(0, ...g.agents) });
  });
  return out;
}

/**
 * Named agents on their shifts: one on-phone mask per agent (on in an interval when at least half of it
 * is inside a shift and outside its breaks and retraining), agents with the same skills and factors
 * (proficiency x learning curve) in one group, groups in order of first appearance.
 */
export function groupsFromRoster(
  r: SimulationRequest,
  queueIndex: ReadonlyMap<string, number>,
  startMs: number,
  intervals: number,
  issues: WfmIssue[],
): BuiltGroups {
  const byKey = new Map<
    string,
    { group: SimGroup & { onPhoneMasks: Uint8Array[] }; label: BuiltGroups['labels'][number] }
  >();
  const grid = { startMs, intervalMs: r.intervalMinutes * 60_000, intervals, zone: r.timeZone };
  (r.agents ?? []).forEach((a, k) => {
    const path = ['agents', k];
    const { skills, factors } = skillIndices(a.skills, a.proficiency, queueIndex, path, issues);
    const curve = tenureFactor(a, r.learningCurve, startMs, path, issues);
    const scaled = factors.map((f) => +(f * curve).toFixed(6));
    const key = `${skills.join(',')}|${scaled.join(',')}`;
    let entry = byKey.get(key);
    if (!entry) {
      const skillNames = skills.map((q) => r.queues[q]?.name as string);
      const tag = scaled.some((f) => f !== 1) ? ` x${scaled.join('/')}` : '';
      const label = { name: `${skillNames.join('+')}${tag}`, skills: skillNames, agents: 0 };
      entry = { group: { name: label.name, skills, handleTimeFactors: scaled, onPhoneMasks: [] }, label };
      byKey.set(key, entry);
    }
    entry.group.onPhoneMasks.push(onPhoneMask(a.shifts, grid, path, issues));
    entry.label.agents++;
  });
  const values = [...byKey.values()];
  return { groups: values.map((v) => v.group), labels: values.map((v) => v.label) };
}

function tenureFactor(
  a: z.output<typeof SimAgentInputSchema>,
  curve: LearningCurve | undefined,
  startMs: number,
  path: (string | number)[],
  issues: WfmIssue[],
): number {
  if (!curve) return 1;
  if (a.tenureMonths !== undefined) return learningCurveFactor(a.tenureMonths, curve);
  if (a.hireDate !== undefined) {
    const day = epochDayOfDate(a.hireDate);
    if (day === undefined) {
      issues.push({ path: [...path, 'hireDate'], message: `"${a.hireDate}" is not a date` });
      return 1;
    }
    return learningCurveFactor(tenureMonthsAt(day * 86_400_000, startMs), curve);
  }
  return 1;
}

interface MaskGrid {
  startMs: number;
  intervalMs: number;
  intervals: number;
  zone: string;
}

function onPhoneMask(
  shifts: z.output<typeof SimShiftInputSchema>[],
  grid: MaskGrid,
  path: (string | number)[],
  issues: WfmIssue[],
): Uint8Array {
  // Milliseconds on the phones per interval: + for a shift, - for its breaks and retraining.
  const onMs = new Float64Array(grid.intervals);
  const add = (s: { start: string; end: string }, sign: number, at: (string | number)[]): void => {
    const a = safeInstant(s.start, grid.zone, [...at, 'start'], issues);
    const b = safeInstant(s.end, grid.zone, [...at, 'end'], issues);
    if (a === null || b === null) return;
    if (!(b > a)) {
      issues.push({ path: [...at, 'end'], message: 'must be after start' });
      return;
    }
    const first = Math.max(0, Math.floor((a - grid.startMs) / grid.intervalMs));
    const last = Math.min(grid.intervals - 1, Math.floor((b - 1 - grid.startMs) / grid.intervalMs));
    for (let i = first; i <= last; i++) {
      const lo = grid.startMs + i * grid.intervalMs;
      onMs[i] = (onMs[i] as number) + sign * (Math.min(b, lo + grid.intervalMs) - Math.max(a, lo));
    }
  };
  shifts.forEach((s, j) => {
    const at = [...path, 'shifts', j];
    add(s, 1, at);
    s.breaks?.forEach((b, n) => add(b, -1, [...at, 'breaks', n]));
    s.retraining?.forEach((b, n) => add(b, -1, [...at, 'retraining', n]));
    s.activities?.forEach((b, n) => add(b, -1, [...at, 'activities', n]));
  });
  const mask = new Uint8Array(grid.intervals);
  for (let i = 0; i < grid.intervals; i++) mask[i] = (onMs[i] as number) * 2 >= grid.intervalMs ? 1 : 0;
  return mask;
}

function safeInstant(text: string, zone: string, path: (string | number)[], issues: WfmIssue[]): number | null {
  try {
    return parseInstant(text, zone, path.join('.'));
  } catch (error) {
    issues.push({ path, message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
