/**
 * One thread's share of a multi-queue staffing (src/app/multi-queue-staffing.ts): intervals
 * [from, to), each a stationary one-interval centre staffed by `staffMultiSkill`.
 */
import type { ParsedMultiQueueStaffing } from '../contracts/multi-queue-staffing.js';
import { staffMultiSkill } from '../multiskill/index.js';
import type { MultiSkillCentre, MultiSkillInterval } from '../multiskill/types.js';
import type { SimQueue } from '../simulation/types.js';

/** One thread's share: intervals [from, to) of a parsed request. */
export interface MultiQueueRangeTask {
  request: ParsedMultiQueueStaffing;
  from: number;
  to: number;
}

/** Interval i's centre: a stationary one-interval centre at its volumes and handle times. */
function centreAt(request: ParsedMultiQueueStaffing, i: number): MultiSkillCentre {
  const queues = request.queues.map((q): SimQueue => {
    const meanSeconds = (q.ahtSeconds[i] as number) > 0 ? (q.ahtSeconds[i] as number) : 1;
    const queue: SimQueue = {
      name: q.name,
      priority: q.priority,
      volume: [q.volume[i] as number],
      handleTime:
        q.handleTimeCv === undefined
          ? { kind: 'exponential', meanSeconds }
          : { kind: 'lognormal', meanSeconds, cv: q.handleTimeCv },
      answerSeconds: q.answerSeconds,
      targetServiceLevel: q.targetServiceLevel,
    };
    if (q.patienceSeconds !== undefined) queue.patienceSeconds = q.patienceSeconds;
    return queue;
  });
  return { intervalMinutes: request.intervalMinutes, intervals: 1, queues, groups: request.groups };
}

/** Staffs intervals [from, to) on this thread (identical intervals solved once). */
export function staffMultiQueueRange(task: MultiQueueRangeTask): MultiSkillInterval[] {
  const { request } = task;
  const solved = new Map<string, MultiSkillInterval>();
  const out: MultiSkillInterval[] = [];
  for (let i = task.from; i < task.to; i++) {
    const key = request.queues.map((q) => `${q.volume[i]}/${q.ahtSeconds[i]}`).join(',');
    let r = solved.get(key);
    if (!r) {
      r = staffMultiSkill(centreAt(request, i), {
        seed: request.seed,
        replications: request.replications,
        acceptance: request.acceptance,
      }).intervals[0] as MultiSkillInterval;
      solved.set(key, r);
    }
    out.push({ ...r, interval: i });
  }
  return out;
}
