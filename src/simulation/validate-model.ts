import { WfmError, type WfmIssue } from '../errors.js';
import type { SimModel } from './types.js';

/**
 * Checks a model's shape and values; throws `WFM_ERR_INPUT_INVALID` listing every problem (misuse
 * throws; the simulation itself never fails on a well-formed model). O(queues x intervals +
 * agents x intervals).
 */
export function validateModel(model: SimModel): void {
  const issues: WfmIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message });
  const { intervals, intervalMinutes, queues, groups } = model;
  if (!Number.isInteger(intervals) || intervals < 1) bad(['intervals'], 'must be a positive integer');
  if (!(intervalMinutes > 0) || !Number.isFinite(intervalMinutes)) bad(['intervalMinutes'], 'must be positive');
  if (queues.length === 0) bad(['queues'], 'at least one queue');
  queues.forEach((q, k) => {
    if (q.volume.length !== intervals) bad(['queues', k, 'volume'], `needs ${intervals} values`);
    for (let i = 0; i < q.volume.length; i++) {
      const v = q.volume[i] as number;
      if (!(v >= 0) || !Number.isFinite(v)) bad(['queues', k, 'volume', i], 'must be a finite number >= 0');
    }
    const h = q.handleTime;
    if (!(h.meanSeconds > 0) || !Number.isFinite(h.meanSeconds)) bad(['queues', k, 'handleTime'], 'mean must be > 0');
    if (h.kind === 'lognormal' && !(h.cv >= 0)) bad(['queues', k, 'handleTime', 'cv'], 'must be >= 0');
    if (q.patienceSeconds !== undefined && !(q.patienceSeconds > 0)) bad(['queues', k, 'patienceSeconds'], '> 0');
    if (!(q.answerSeconds >= 0)) bad(['queues', k, 'answerSeconds'], 'must be >= 0');
    if (!Number.isFinite(q.priority)) bad(['queues', k, 'priority'], 'must be a finite number');
  });
  groups.forEach((g, k) => {
    if (g.skills.length === 0) bad(['groups', k, 'skills'], 'at least one skill');
    g.skills.forEach((s, j) => {
      if (!Number.isInteger(s) || s < 0 || s >= queues.length) bad(['groups', k, 'skills', j], 'not a queue index');
    });
    if (new Set(g.skills).size !== g.skills.length) bad(['groups', k, 'skills'], 'a skill is listed twice');
    const f = g.handleTimeFactors;
    if (f !== undefined) {
      if (f.length !== g.skills.length) bad(['groups', k, 'handleTimeFactors'], 'one factor per skill');
      f.forEach((x, j) => {
        if (!(x > 0) || !Number.isFinite(x)) bad(['groups', k, 'handleTimeFactors', j], 'must be > 0');
      });
    }
    if ((g.agents === undefined) === (g.onPhoneMasks === undefined)) {
      bad(['groups', k], 'give exactly one of agents (per interval) or onPhoneMasks (per agent)');
    }
    if (g.agents !== undefined) {
      if (g.agents.length !== intervals) bad(['groups', k, 'agents'], `needs ${intervals} values`);
      for (let i = 0; i < g.agents.length; i++) {
        const n = g.agents[i] as number;
        if (!Number.isInteger(n) || n < 0) bad(['groups', k, 'agents', i], 'must be an integer >= 0');
      }
    }
    g.onPhoneMasks?.forEach((m, a) => {
      if (m.length !== intervals) bad(['groups', k, 'onPhoneMasks', a], `needs ${intervals} values`);
    });
  });
  if (issues.length > 0) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `simulation model: ${issues.length} problem(s)`, { issues });
  }
}
