/**
 * Roster drafts in the store (docs/store.md, "Rosters in the store"): save a roster run as a draft,
 * edit it by hand with every edit re-checked by the independent rule checker and coverage and SL
 * recomputed at once, publish it, diff two versions. An edit that adds a hard-rule violation is
 * refused (`WFM_ERR_SCHEDULER_EDIT_RULE`, naming the rule) unless forced with a reason, which keeps
 * it as an override recorded in the document and the audit log.
 */
import type { QueueParams } from '../../erlang/types.js';
import { WfmError } from '../../errors.js';
import type { RosterEditRequest } from '../../contracts/roster-edits.js';
import type { AgentsInput, RosterRulesInput } from '../../contracts/roster.js';
import type { RosterCoverageInterval, RosterResult } from '../../scheduler/roster/result-types.js';
import type { CheckViolation } from '../../scheduler/rules-check/index.js';
import type { PreviousRoster } from '../../scheduler/roster/types.js';
import { ruleBreach } from '../../scheduler/roster/verdict.js';
import {
  createDraft,
  diffVersions,
  getCentre,
  getVersion,
  getVersionDocument,
  publishVersion,
  updateDraft,
  type Actor,
  type DocumentVersion,
  type PublishResult,
  type RosterDiff,
  type Store,
} from '../../store/index.js';
import { DRAFT_FORMAT, draftFromRoster, type DraftVerdict, type RosterDraftDocument } from './document.js';
import { applyEdits } from './edits.js';
import { checkDraft, newViolations, parseDraftInputs, type DraftInputs } from './recheck.js';

export interface SaveRosterDraftInput {
  /** The week or period the roster is for, e.g. "2026-W50". */
  series: string;
  note?: string;
  result: RosterResult;
  /** The roster's inputs as given (agents and rules JSON), the SL threshold and the load per slot. */
  agents: AgentsInput;
  rules: RosterRulesInput;
  answerSeconds: number;
  load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] } | undefined;
  /** The queue the plan was staffed for (its model re-checks the SL after each edit). */
  queue?: QueueParams | undefined;
  /** The week before, when the roster was made with one (checked across the edge). */
  previous?: PreviousRoster | undefined;
}

export interface DraftSaved {
  version: DocumentVersion;
  verdict: DraftVerdict;
}

/** Saves a roster run as the next draft version of its series, with the checker's verdict. */
export async function saveRosterDraft(
  store: Store,
  centre: string,
  input: SaveRosterDraftInput,
  by: Actor,
): Promise<DraftSaved> {
  const c = await getCentre(store, centre);
  const doc = draftFromRoster(input.result, input);
  const check = checkDraft(doc, parseDraftInputs(doc));
  doc.verdict = check.verdict;
  doc.slots = slotsOf(check.coverage);
  const version = await createDraft(
    store,
    c.id,
    {
      kind: 'roster',
      series: input.series,
      document: doc as unknown as Record<string, unknown>,
      note: input.note ?? '',
    },
    by,
  );
  return { version, verdict: doc.verdict };
}

export interface DraftEdited {
  version: DocumentVersion;
  verdict: DraftVerdict;
  /** Hard-rule violations the edits added (kept only when forced). */
  added: CheckViolation[];
  overridden: boolean;
  /** Coverage per interval after the edits (agents on the phones, required, SL). */
  coverage: RosterCoverageInterval[];
  /** The agents the edits touched, with their shifts as now saved (a page redraws only these). */
  agents: RosterDraftDocument['agents'];
}

/**
 * Applies hand edits to a roster draft and re-checks the agents they touch and the pulls, with
 * coverage and SL on every interval. Refuses (422 `WFM_ERR_SCHEDULER_EDIT_RULE`, nothing saved)
 * when the edits add a hard-rule violation, unless `force` with a `reason`.
 */
export async function editRosterDraft(
  store: Store,
  versionId: string,
  request: RosterEditRequest,
  by: Actor,
): Promise<DraftEdited> {
  const { version, document } = await loadDraft(store, versionId);
  if (version.status !== 'draft') {
    throw new WfmError(
      'WFM_ERR_STORE_CONFLICT',
      `roster ${version.series} v${version.version} is ${version.status}, not a draft; save a new draft to edit.`,
    );
  }
  const { document: next, touched } = applyEdits(document, request.edits);
  const check = checkDraft(next, inputsOf(versionId, next), touched, document.slots);
  const before = document.verdict.hardViolations.filter((v) => touched.has(v.agent) || !agentKnown(document, v));
  const added = newViolations(before, check.hardViolations);
  if (added.length > 0 && !request.force) {
    const first = added[0] as CheckViolation;
    throw new WfmError(
      'WFM_ERR_SCHEDULER_EDIT_RULE',
      `The edit breaks hard rule "${ruleLabel(first.rule)}" (${first.rule}) for agent ${first.agent} ` +
        `(${localTimes(first.detail)})` +
        (added.length > 1 ? ` and ${added.length - 1} more` : '') +
        '; send force: true with a reason to keep it as an override.',
      {
        issues: added.map((v) => ({
          path: ['edits'],
          message: `${ruleLabel(v.rule)} (${v.rule}): agent ${v.agent}: ${localTimes(v.detail)}`,
        })),
      },
    );
  }
  // The stored verdict: untouched agents keep theirs; touched agents and the pulls are re-checked.
  const kept = document.verdict.hardViolations.filter((v) => agentKnown(document, v) && !touched.has(v.agent));
  next.verdict = { ...check.verdict, hardViolations: [...kept, ...check.hardViolations] };
  next.slots = slotsOf(check.coverage);
  const overridden = added.length > 0;
  if (overridden) {
    next.overrides.push({
      at: store.now().toISOString(),
      by: by.actor,
      reason: request.reason ?? '',
      rules: added.map((v) => ({
        agent: v.agent,
        rule: v.rule,
        label: ruleLabel(v.rule),
        detail: localTimes(v.detail),
      })),
    });
  }
  const saved = await updateDraft(store, versionId, next as unknown as Record<string, unknown>, by, {
    agents: [...touched],
    details: {
      edits: request.edits.map((e) => e.op),
      ...(overridden ? { override: { reason: request.reason, rules: added.map((v) => `${v.rule}:${v.agent}`) } } : {}),
    },
  });
  const agents = next.agents.filter((a) => touched.has(a.id));
  return { version: saved, verdict: next.verdict, added, overridden, coverage: check.coverage, agents };
}

/**
 * A version's document with its coverage per interval (required, on shift, on the phones, SL),
 * recomputed from the stored shifts: what `GET .../rosters/:version` answers.
 */
export async function rosterVersionView(
  store: Store,
  versionId: string,
): Promise<{ version: DocumentVersion; document: RosterDraftDocument; coverage: RosterCoverageInterval[] }> {
  const { version, document } = await loadDraft(store, versionId);
  const check = checkDraft(document, inputsOf(versionId, document), new Set(), document.slots);
  return { version, document, coverage: check.coverage };
}

function slotsOf(coverage: readonly RosterCoverageInterval[]): RosterDraftDocument['slots'] {
  return { onPhone: coverage.map((c) => c.onPhone), serviceLevel: coverage.map((c) => c.serviceLevel) };
}

/**
 * Saves a roster version (a published one, typically) as the next draft of its series, its shifts,
 * inputs, verdict and overrides as they are: the way to change a published week by hand.
 */
export async function copyRosterVersion(store: Store, versionId: string, by: Actor): Promise<DraftSaved> {
  const { version, document } = await loadDraft(store, versionId);
  const copy = await createDraft(
    store,
    version.centreId,
    {
      kind: 'roster',
      series: version.series,
      document: document as unknown as Record<string, unknown>,
      note: `from v${version.version}${version.note ? `: ${version.note}` : ''}`.slice(0, 2000),
    },
    by,
  );
  return { version: copy, verdict: document.verdict };
}

/** Publishes a roster draft (calendar events follow; see store/versions.ts). */
export async function publishRoster(store: Store, versionId: string, by: Actor): Promise<PublishResult> {
  await loadDraft(store, versionId);
  return publishVersion(store, versionId, by);
}

/** Shifts added, removed, moved and changed from one roster version to another. */
export async function diffRosterVersions(store: Store, fromId: string, toId: string): Promise<RosterDiff> {
  return diffVersions(store, fromId, toId);
}

/** A roster version and its draft document (a roster saved some other way is refused). */
export async function loadDraft(
  store: Store,
  versionId: string,
): Promise<{ version: DocumentVersion; document: RosterDraftDocument }> {
  const version = await getVersion(store, versionId);
  const document = (await getVersionDocument(store, versionId)) as RosterDraftDocument;
  if (version.kind !== 'roster' || document?.format !== DRAFT_FORMAT) {
    throw new WfmError(
      'WFM_ERR_STORE_CONFLICT',
      `${version.kind} ${version.series} v${version.version} is not a roster draft saved from a roster run.`,
    );
  }
  return { version, document };
}

/**
 * Parsed agents, rules and slot grid per draft version: they never change while a draft is edited,
 * and parsing 150 agents and building the grid costs tens of ms per edit. Process-local, at most
 * `INPUTS_KEPT` versions (the oldest forgotten first); a cache miss only re-parses.
 */
const INPUTS_KEPT = 16;
const inputsByVersion = new Map<string, DraftInputs>();
function inputsOf(versionId: string, doc: RosterDraftDocument): DraftInputs {
  const held = inputsByVersion.get(versionId);
  if (held) return held;
  const parsed = parseDraftInputs(doc);
  inputsByVersion.set(versionId, parsed);
  if (inputsByVersion.size > INPUTS_KEPT) inputsByVersion.delete(inputsByVersion.keys().next().value as string);
  return parsed;
}

/** Violations of rosters' agents, as opposed to the pulls' session-wide ones (agent "-"). */
function agentKnown(doc: RosterDraftDocument, v: CheckViolation): boolean {
  return v.agent !== '-' && !PULL_RULES.has(v.rule) && doc.agents.some((a) => a.id === v.agent);
}

const PULL_RULES = new Set([
  'seats',
  'notFlagged',
  'notOnShift',
  'onBreak',
  'twoSessions',
  'overTrained',
  'pullBelowRequirement',
]);

/** A rule in people's words (the verdict's labels). */
function ruleLabel(rule: string): string {
  return ruleBreach(rule, 0, 0).label;
}

/**
 * A checker detail with its instants as local date and clock ("2026-06-01 16:45"): the roster's
 * instants carry the centre's offset, so their wall-clock part is local.
 */
export function localTimes(detail: string): string {
  return detail.replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:\d{2})/g, '$1 $2');
}
