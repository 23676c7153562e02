/**
 * A multi-skill plan's per-queue coverage and its issues (docs/shift-plan.md, "Skills").
 */
import type { QueueCover } from './solve-plan.js';
import type { SkillQueues } from './skill-plan.js';
import type { QueueHandleTime } from './handle-time.js';
import type { PlanIssue, PlanQueueCoverage } from './types.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The skill model's short agent-intervals as its objective counts them: each queue's shortage
 * (its shortage columns, unrounded) times its priority weight. Times the under-coverage penalty, the
 * plan's shortage cost.
 */
export function weightedQueueShortage(skills: SkillQueues, cover: QueueCover): number {
  return skills.queues.reduce(
    (sum, q, qi) =>
      sum + q.weight * q.required.reduce((s, r, t) => s + Math.max(0, r - (cover.covered[qi]?.[t] ?? 0)), 0),
    0,
  );
}

/** The agents' speed in a multi-skill plan: the queues' factors (those not 1) and each class's per skill. */
export interface PlanSpeeds {
  factors: readonly QueueHandleTime[];
  classes: readonly (Record<string, number> | undefined)[];
}

/**
 * Per queue: requirement, covered (the requirement less the shortage), the agent-intervals short and
 * the handle-time factor it was sized at (when not 1); per skill set what it serves and its agents'
 * factors (when not 1).
 */
export function planQueueCoverage(skills: SkillQueues, cover: QueueCover, speeds?: PlanSpeeds): PlanQueueCoverage {
  const names = skills.queues.map((q) => q.name);
  return {
    queues: skills.queues.map((q, qi) => {
      const covered = (cover.covered[qi] ?? []).map(round3);
      const under = q.required.reduce((sum, r, s) => sum + Math.max(0, r - (covered[s] ?? 0)), 0);
      const factor = speeds?.factors.find((f) => f.name === q.name)?.factor;
      return {
        name: q.name,
        priority: q.priority,
        required: [...q.required],
        covered,
        underAgentIntervals: round3(under),
        ...(factor !== undefined ? { handleTimeFactor: round3(factor) } : {}),
      };
    }),
    classes: skills.classes.map((cls, k) => {
      const proficiency = speeds?.classes[k];
      return {
        skills: cls.map((q) => names[q] as string),
        serves: (cover.serves[k] ?? []).map((flags) => names.filter((_, q) => flags[q])),
        ...(proficiency ? { proficiency } : {}),
      };
    }),
  };
}

/** One sentence per queue the plan leaves short, e.g. "queue sales: 12 agent-intervals short over 5 intervals". */
export function queueShortfalls(coverage: PlanQueueCoverage): string[] {
  return coverage.queues
    .filter((q) => q.underAgentIntervals > 1e-6)
    .map((q) => {
      const intervals = q.required.filter((r, s) => r - (q.covered[s] ?? 0) > 1e-6).length;
      const short = Math.round(q.underAgentIntervals * 10) / 10;
      return (
        `queue ${q.name}: ${short} agent-interval${short === 1 ? '' : 's'} short of its requirement ` +
        `over ${intervals} interval${intervals === 1 ? '' : 's'}`
      );
    });
}

/** A `queue-under-coverage` issue per short queue. */
export function queueIssues(coverage: PlanQueueCoverage, issues: PlanIssue[]): void {
  for (const message of queueShortfalls(coverage)) issues.push({ code: 'queue-under-coverage', message });
}
