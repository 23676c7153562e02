import { createHash } from 'node:crypto';
import { WfmError } from '../errors.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import type { RosterDocument, TimedItem } from './roster-document.js';

/** A roster shift as the store normalises it (roster_shifts rows, diffs, calendar events). */
export interface NormalisedShift {
  agentId: string;
  /**
   * The shift's identity: `agent/local-date/template/slot`, slot = 0 for the agent's first shift
   * of that template on that day (by start), 1 for a second. It survives re-publishing while
   * times move, so the calendar UID does too.
   */
  shiftKey: string;
  startMs: number;
  endMs: number;
  template: string;
  breaks: TimedItem[];
  activities: TimedItem[];
  /** A multi-skill plan's shift: the skills (queue names) it was planned for. */
  skills?: string[];
}

/** The roster's shifts with their identities, sorted by agent then start. O(n log n). */
export function normaliseRoster(doc: RosterDocument, timeZone: string): NormalisedShift[] {
  const out: NormalisedShift[] = [];
  const agentIds = new Set<string>();
  doc.agents.forEach((agent, a) => {
    if (agentIds.has(agent.id)) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `roster: agent "${agent.id}" appears twice.`, {
        issues: [{ path: ['agents', a, 'id'], message: 'duplicate agent' }],
      });
    }
    agentIds.add(agent.id);
    const shifts = agent.shifts.map((s, i) => {
      const path = `agents[${a}].shifts[${i}]`;
      const startMs = parseInstant(s.start, timeZone, `${path}.start`);
      const endMs = parseInstant(s.end, timeZone, `${path}.end`);
      if (endMs <= startMs) {
        throw new WfmError('WFM_ERR_INPUT_TIME', `${path}: end ${s.end} is not after start ${s.start}.`, {
          issues: [{ path: ['agents', a, 'shifts', i, 'end'], message: 'end not after start' }],
        });
      }
      return { s, startMs, endMs };
    });
    shifts.sort((x, y) => x.startMs - y.startMs);
    const slots = new Map<string, number>();
    for (const { s, startMs, endMs } of shifts) {
      const day = formatInstant(startMs, timeZone).slice(0, 10);
      const base = `${agent.id}/${day}/${s.template}`;
      const slot = slots.get(base) ?? 0;
      slots.set(base, slot + 1);
      out.push({
        agentId: agent.id,
        shiftKey: `${base}/${slot}`,
        startMs,
        endMs,
        template: s.template,
        breaks: s.breaks ?? [],
        activities: s.activities ?? [],
        ...(s.skills && s.skills.length > 0 ? { skills: [...s.skills] } : {}),
      });
    }
  });
  return out;
}

/** The calendar UID of a shift identity: stable for centre + series + key, opaque to the reader. */
export function shiftUid(centreId: string, series: string, shiftKey: string): string {
  const digest = createHash('sha256').update(`${centreId}\n${series}\n${shiftKey}`).digest('hex');
  return `${digest.slice(0, 32)}@wfm-engine`;
}
