import { WfmError } from '../errors.js';
import { simulateReplications } from '../simulation/simulate.js';
import { summariseReplications } from '../simulation/summarise.js';
import type { SimModel } from '../simulation/types.js';
import { validateModel } from '../simulation/validate-model.js';
import { approximateGroupAgents } from './pooled-approximation.js';
import { queueComponents } from './skill-groups.js';
import type {
  MultiSkillCentre,
  MultiSkillInterval,
  MultiSkillIssue,
  MultiSkillOptions,
  MultiSkillStaffing,
  QueueVerdict,
} from './types.js';

/**
 * Agents per skill group and interval for a multi-skill centre: the pooled approximation
 * (`approximateGroupAgents`), then, interval by interval, verification by simulation and
 * correction. Each interval is simulated as a stationary centre at its own rates (SIPP:
 * stationary independent period by period, Green, Kolesar & Soares 2001, Oper. Res. 49(4)):
 * `warmUpMinutes` from empty, then `simulatedMinutes` measured, `replications` times, with the
 * same seed at every step (common random numbers, so one added agent is compared on the same
 * contacts). While a queue is short of its target (per `acceptance`), one agent is added to the
 * group serving the queue furthest below its target (its specialists first: the serving group
 * with the fewest skills, then the lowest handle-time factor). Once every queue meets its target,
 * agents are given back one at a time from the group whose queues have the most slack, while every
 * target still holds (a group whose next agent cannot go keeps it, and the next group is tried) (the approximation
 * can over-staff one queue while another is short). After
 * `maxIterations` simulated steps without meeting the targets the interval is reported as an
 * `iteration-cap` issue (infeasible is data, not an exception).
 *
 * A centre whose every queue is alone in its component with exponential handle times gets the
 * exact Erlang C/A answer with no simulation (method 'erlang'). Intervals with identical volumes
 * are solved once. Misuse (a queue without a target or without a serving group) throws
 * `WFM_ERR_INPUT_INVALID`. O(intervals x iterations x replications x simulated contacts).
 * Example: `staffMultiSkill(centre, { seed: 1 }).agents[g][i]`.
 */
export function staffMultiSkill(centre: MultiSkillCentre, options: MultiSkillOptions): MultiSkillStaffing {
  checkCentre(centre);
  const { queues, groups, intervals, intervalMinutes } = centre;
  const replications = options.replications ?? 6;
  const measured = Math.max(1, Math.ceil((options.simulatedMinutes ?? 480) / intervalMinutes));
  const warmUp = Math.max(0, Math.ceil((options.warmUpMinutes ?? 60) / intervalMinutes));
  const maxIterations = options.maxIterations ?? 40;
  const acceptance = options.acceptance ?? 'interval';
  const components = queueComponents(
    queues.length,
    groups.map((g) => g.skills),
  );

  const solved = new Map<string, MultiSkillInterval>();
  const out: MultiSkillInterval[] = [];
  const issues: MultiSkillIssue[] = [];
  for (let i = 0; i < intervals; i++) {
    const key = queues.map((q) => q.volume[i]).join(',');
    const known = solved.get(key);
    if (known !== undefined) {
      out.push(copyFor(known, i));
      if (!known.met) issues.push(capIssue(known, i));
      continue;
    }
    const approx = approximateGroupAgents(centre, i, components);
    const agents = [...approx.agents];
    const idle = queues.every((q) => !((q.volume[i] as number) > 0));
    let result: MultiSkillInterval;
    if (idle || approx.exact) {
      result = {
        interval: i,
        method: idle ? 'none' : 'erlang',
        approximation: approx.agents,
        agents,
        iterations: 0,
        met: true,
        queues: queues.map((q, k) => {
          const verdict: QueueVerdict = {
            queue: k,
            targetServiceLevel: q.targetServiceLevel as number,
            serviceLevel: null,
            met: true,
          };
          const sl = approx.erlangServiceLevel[k];
          if (sl !== undefined) verdict.erlangServiceLevel = sl;
          return verdict;
        }),
      };
    } else {
      const judge = (a: readonly number[]) =>
        verify(centre, i, a, { seed: options.seed, replications, warmUp, measured, acceptance });
      let iterations = 0;
      let verdicts = judge(agents);
      for (let worst = worstQueue(verdicts); worst >= 0 && iterations < maxIterations; worst = worstQueue(verdicts)) {
        const g = groupFor(centre, worst);
        agents[g] = (agents[g] as number) + 1;
        iterations++;
        verdicts = judge(agents);
      }
      // Met: give back agents of the group whose queues have the most slack while every target
      // holds; a group whose next agent cannot go is kept as it is and the next slackest is tried.
      const kept = new Set<number>();
      while (worstQueue(verdicts) < 0 && iterations < maxIterations) {
        const g = slackestGroup(centre, agents, verdicts, kept);
        if (g < 0) break;
        const fewer = [...agents];
        fewer[g] = (fewer[g] as number) - 1;
        iterations++;
        const trial = judge(fewer);
        if (worstQueue(trial) >= 0) {
          kept.add(g);
          continue;
        }
        agents[g] = fewer[g] as number;
        verdicts = trial;
      }
      result = {
        interval: i,
        method: 'simulation',
        approximation: approx.agents,
        agents,
        iterations,
        met: verdicts.every((v) => v.met),
        queues: verdicts,
      };
      if (!result.met) issues.push(capIssue(result, i));
    }
    solved.set(key, result);
    out.push(result);
  }
  return {
    met: out.every((r) => r.met),
    agents: groups.map((_, g) => out.map((r) => r.agents[g] as number)),
    intervals: out,
    issues,
  };
}

interface VerifyOptions {
  seed: number;
  replications: number;
  warmUp: number;
  measured: number;
  acceptance: 'interval' | 'mean' | 'strict';
}

/** Simulates interval i's rates at `agents` per group and judges every queue against its target. */
function verify(centre: MultiSkillCentre, i: number, agents: readonly number[], o: VerifyOptions): QueueVerdict[] {
  const n = o.warmUp + o.measured;
  const model: SimModel = {
    intervalMinutes: centre.intervalMinutes,
    intervals: n,
    queues: centre.queues.map((q) => ({ ...q, volume: new Array<number>(n).fill(q.volume[i] as number) })),
    groups: centre.groups.map((g, k) => ({ ...g, agents: new Array<number>(n).fill(agents[k] as number) })),
  };
  const results = simulateReplications(model, { seed: o.seed, replications: o.replications });
  const summary = summariseReplications(results, { fromInterval: o.warmUp, toInterval: n });
  return summary.queues.map((s, k) => {
    const target = centre.queues[k]!.targetServiceLevel as number;
    const sl = s.serviceLevel;
    // No contact offered in any replication: nothing to judge.
    const bound =
      o.acceptance === 'strict' ? sl.low : o.acceptance === 'mean' || Number.isNaN(sl.high) ? sl.mean : sl.high;
    const met = sl.n === 0 || bound >= target;
    return { queue: k, targetServiceLevel: target, serviceLevel: sl, met };
  });
}

/** The queue furthest below its target among those that miss it; -1 when all meet it. */
function worstQueue(verdicts: readonly QueueVerdict[]): number {
  let worst = -1;
  let gap = -Infinity;
  for (const v of verdicts) {
    if (v.met || v.serviceLevel === null) continue;
    const g = v.targetServiceLevel - v.serviceLevel.mean;
    if (g > gap) {
      gap = g;
      worst = v.queue;
    }
  }
  return worst;
}

/**
 * The staffed group, not in `kept`, whose least-served queue is furthest above its target (its
 * agents are the most dispensable); -1 when no group has positive slack on every queue it serves.
 */
function slackestGroup(
  centre: MultiSkillCentre,
  agents: readonly number[],
  verdicts: readonly QueueVerdict[],
  kept: ReadonlySet<number>,
): number {
  let best = -1;
  let bestSlack = 0;
  centre.groups.forEach((g, k) => {
    if (!((agents[k] as number) > 0) || kept.has(k)) return;
    let slack = Infinity;
    for (const q of g.skills) {
      const v = verdicts[q]!;
      if (v.serviceLevel !== null && v.serviceLevel.n > 0)
        slack = Math.min(slack, v.serviceLevel.mean - v.targetServiceLevel);
    }
    if (slack !== Infinity && slack > bestSlack) {
      best = k;
      bestSlack = slack;
    }
  });
  return best;
}

/** The group to grow for queue q: its specialists first, then the most proficient, then the first. */
function groupFor(centre: MultiSkillCentre, q: number): number {
  let best = -1;
  let bestSkills = Infinity;
  let bestFactor = Infinity;
  centre.groups.forEach((g, k) => {
    const j = g.skills.indexOf(q);
    if (j < 0) return;
    const f = g.handleTimeFactors?.[j] ?? 1;
    if (g.skills.length < bestSkills || (g.skills.length === bestSkills && f < bestFactor)) {
      best = k;
      bestSkills = g.skills.length;
      bestFactor = f;
    }
  });
  return best;
}

function copyFor(known: MultiSkillInterval, i: number): MultiSkillInterval {
  return { ...known, interval: i, agents: [...known.agents], approximation: [...known.approximation] };
}

function capIssue(r: MultiSkillInterval, i: number): MultiSkillIssue {
  const worst = worstQueue(r.queues);
  const v = r.queues[worst];
  const sl = v?.serviceLevel?.mean ?? NaN;
  return {
    code: 'iteration-cap',
    interval: i,
    queue: worst,
    message:
      `interval ${i}: queue ` +
      `${worst} at SL ` +
      `${sl.toFixed(3)} below ` +
      `its target ` +
      `${v?.targetServiceLevel}` +
      ` after ${r.iterations}` +
      ` correction steps (the cap)`,
  };
}

/** Misuse: every queue needs a service-level target and, when it has volume, a group serving it. */
function checkCentre(centre: MultiSkillCentre): void {
  validateModel({
    ...centre,
    groups: centre.groups.map((g) => ({ ...g, agents: new Array<number>(centre.intervals).fill(0) })),
  });
  const issues: { path: (string | number)[]; message: string }[] = [];
  centre.queues.forEach((q, k) => {
    const t = q.targetServiceLevel;
    if (t === undefined || !(t >= 0 && t <= 1))
      issues.push({ path: ['queues', k, 'targetServiceLevel'], message: 'a fraction in [0, 1] is needed' });
    const served = centre.groups.some((g) => g.skills.includes(k));
    if (!served && Array.from(q.volume as ArrayLike<number>).some((v) => v > 0)) {
      issues.push({ path: ['queues', k], message: 'has volume but no group serves it' });
    }
  });
  if (issues.length > 0)
    throw new WfmError('WFM_ERR_INPUT_INVALID', `multi-skill centre: ${issues.length} problem(s)`, { issues });
}
