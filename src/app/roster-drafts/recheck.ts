/**
 * Re-checks a roster draft after hand edits: the independent rule checker (`checkRoster`,
 * `checkPulls`, which share no code with the solver) and the roster's own coverage and SL
 * (`rosterCoverage`, the function the roster reports with), on the draft's shifts as they now are.
 */
import { parseAgentsJson, parseRosterRules } from '../../contracts/roster.js';
import { checkPulls, checkRoster, type CheckViolation } from '../../scheduler/rules-check/index.js';
import { rosterCoverage, type SlotCounts } from '../../scheduler/roster/roster-coverage.js';
import type { RosterCoverageInterval } from '../../scheduler/roster/result-types.js';
import { ruleBreach } from '../../scheduler/roster/verdict.js';
import { buildVerdict, type VerdictRuleBreach } from '../../scheduler/shift-plan/verdict.js';
import { rosterServiceLevel } from '../../scheduler/roster/run.js';
import type { PreviousRoster, RosterAgent, RosterRules } from '../../scheduler/roster/types.js';
import { parsePreviousRoster } from '../../contracts/previous-roster.js';
import { createSlotGrid, formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import { rosterViewOfDraft, type DraftSlots, type DraftVerdict, type RosterDraftDocument } from './document.js';

const MINUTE_MS = 60_000;

export interface DraftCheck {
  /** Hard-rule violations of the agents checked (all, or those an edit touched) and of the pulls. */
  hardViolations: CheckViolation[];
  coverage: RosterCoverageInterval[];
  verdict: DraftVerdict;
}

/** The draft's parsed inputs, re-used across the checks of one edit request. */
export interface DraftInputs {
  agents: RosterAgent[];
  rules: RosterRules;
  grid: SlotGrid;
  /** ISO start of each slot. */
  slotStarts: string[];
  /** The week before, when the roster was made with one (rules across the edge). */
  previous?: PreviousRoster;
}

export function parseDraftInputs(doc: RosterDraftDocument): DraftInputs {
  const g = doc.grid;
  const grid = createSlotGrid(Date.parse(g.start), g.intervalMinutes, g.slotCount, g.timeZone);
  return {
    agents: parseAgentsJson(doc.inputs.agents, g.timeZone),
    rules: parseRosterRules(doc.inputs.rules ?? {}),
    grid,
    slotStarts: Array.from({ length: grid.slotCount }, (_, slot) => formatSlot(grid, slot)),
    ...(doc.inputs.previous
      ? { previous: parsePreviousRoster(doc.inputs.previous, 'draft previous week').previous }
      : {}),
  };
}

/**
 * Checks `doc`: hard rules of the agents in `onlyAgents` (every agent when absent; rules are per
 * agent, so an edit needs only its agents re-checked), the pulls, coverage and SL on every slot.
 * O(agents checked x days^2 + slots) plus one Erlang C evaluation per slot with volume.
 */
export function checkDraft(
  doc: RosterDraftDocument,
  inputs: DraftInputs,
  onlyAgents?: ReadonlySet<string>,
  previous?: DraftSlots,
): DraftCheck {
  const counts = slotCounts(doc, inputs.grid);
  const required = Float64Array.from(doc.inputs.required);
  const planOnPhone = Int32Array.from(doc.inputs.planOnPhone);
  const load = doc.inputs.load ?? undefined;
  const { coverage, serviceLevel } = rosterCoverage({
    grid: inputs.grid,
    required,
    planOnPhone,
    counts,
    load,
    serviceLevel: load ? rosterServiceLevel(doc.inputs.queue, doc.inputs.answerSeconds) : undefined,
    previous,
    slotStarts: inputs.slotStarts,
  });
  const view = rosterViewOfDraft(doc, coverage);
  const checked = onlyAgents ? { ...view, agents: view.agents.filter((a) => onlyAgents.has(a.id)) } : view;
  const hardViolations = [
    ...checkRoster(checked, inputs.agents, inputs.rules, inputs.previous),
    ...checkPulls(view, inputs.agents),
  ];
  const outcome = buildVerdict({
    shifts: null,
    hardRules: { met: hardViolations.length === 0, breaches: breachesOf(hardViolations) },
    coverage: coverage.map((c) => ({ ...c, volume: load?.volume[c.slot] ?? 0 })),
    targets: doc.inputs.queue?.targets,
    timeZone: inputs.grid.timeZone,
  });
  return {
    hardViolations,
    coverage,
    verdict: {
      met: outcome.met,
      line: outcome.line,
      shortfalls: outcome.shortfalls,
      hardViolations,
      underAgentIntervals: coverage.reduce((t, c) => t + c.under, 0),
      overAgentIntervals: coverage.reduce((t, c) => t + c.over, 0),
      serviceLevel,
      paidHours: doc.agents.reduce((t, a) => t + a.shifts.reduce((u, s) => u + s.paidHours, 0), 0),
    },
  };
}

/** The checker's violations as verdict breaches: agents and total amount per rule, in people's units. */
function breachesOf(violations: readonly CheckViolation[]): VerdictRuleBreach[] {
  const byRule = new Map<string, { agents: Set<string>; amount: number }>();
  for (const v of violations) {
    const entry = byRule.get(v.rule) ?? { agents: new Set<string>(), amount: 0 };
    entry.agents.add(v.agent);
    entry.amount += v.amount;
    byRule.set(v.rule, entry);
  }
  return [...byRule].map(([rule, { agents, amount }]) => ruleBreach(rule, agents.size, amount));
}

/** Agents on shift, on a break and on the phones per slot (a slot counts when the item covers its start). */
function slotCounts(doc: RosterDraftDocument, grid: SlotGrid): SlotCounts {
  const n = grid.slotCount;
  const onShift = new Int32Array(n);
  const onBreak = new Int32Array(n);
  const away = new Int32Array(n);
  const slotMs = grid.intervalMinutes * MINUTE_MS;
  const range = (start: string, end: string): [number, number] => [
    Math.max(0, Math.ceil((Date.parse(start) - grid.originMs) / slotMs)),
    Math.min(n, Math.ceil((Date.parse(end) - grid.originMs) / slotMs)),
  ];
  for (const a of doc.agents) {
    for (const s of a.shifts) {
      const [s0, s1] = range(s.start, s.end);
      for (let k = s0; k < s1; k++) onShift[k]!++;
      for (const b of s.breaks) {
        const [b0, b1] = range(b.start, b.end);
        for (let k = b0; k < b1; k++) onBreak[k]!++;
      }
      for (const r of s.activities) {
        const [r0, r1] = range(r.start, r.end);
        for (let k = r0; k < r1; k++) away[k]!++;
      }
    }
  }
  const onPhone = new Int32Array(n);
  for (let k = 0; k < n; k++) onPhone[k] = Math.max(0, onShift[k]! - onBreak[k]! - away[k]!);
  return { onShift, onBreak, onPhone };
}

/**
 * The violations in `after` that `before` did not have, counted per agent and rule (a draft may
 * already break rules the solver could not avoid; an edit is refused only for what it adds).
 */
export function newViolations(before: readonly CheckViolation[], after: readonly CheckViolation[]): CheckViolation[] {
  const seen = new Map<string, number>();
  for (const v of before) seen.set(`${v.agent}|${v.rule}`, (seen.get(`${v.agent}|${v.rule}`) ?? 0) + 1);
  const out: CheckViolation[] = [];
  for (const v of after) {
    const key = `${v.agent}|${v.rule}`;
    const left = seen.get(key) ?? 0;
    if (left > 0) seen.set(key, left - 1);
    else out.push(v);
  }
  return out;
}
