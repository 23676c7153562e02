/**
 * Multi-skill staffing on generated centres from 2 queues x 2 skill groups up to 6 queues x 8
 * groups (two 30-minute intervals each, a quiet and a busy one): agents per group, each queue's
 * simulated SL against its target, the time taken, and the saving of the cross-trained centre
 * over one separate team per queue (each staffed alone by Erlang C/A at the same targets).
 * Acceptance 'mean' (the simulated mean SL at or above the target), so the saving is not
 * flattered by the 95 % interval's leniency. Then a whole week: the simulation-speed benchmark's
 * 3-queue, 5-group centre on 672 fifteen-minute intervals (96 distinct ones: the days repeat).
 */
import { erlangStaffing, staffMultiSkill, type MultiSkillCentre, type SkillGroup } from '../src/multiskill/index.js';
import type { SimQueue } from '../src/simulation/index.js';
import { nowMs, writeResult } from './lib/report.js';
import { benchmarkCentre } from './lib/simulation-centre.js';

const SIZES: [number, number][] = [
  [2, 2],
  [2, 3],
  [3, 4],
  [3, 5],
  [4, 6],
  [5, 7],
  [6, 8],
];
const AHT = [180, 240, 300, 420, 200, 360];
const PEAK = [120, 90, 70, 40, 100, 60];
const ANSWER = [20, 20, 30, 60, 20, 30];
const TARGET = [0.8, 0.8, 0.8, 0.8, 0.9, 0.8];
const PATIENCE: (number | undefined)[] = [300, undefined, 240, undefined, 180, 600];

function centre(queueCount: number, groupCount: number): MultiSkillCentre {
  const queues: SimQueue[] = Array.from({ length: queueCount }, (_, q) => {
    const queue: SimQueue = {
      name: `q${q}`,
      priority: q === 0 ? 1 : 0,
      volume: [Math.round((PEAK[q] as number) * 0.5), PEAK[q] as number],
      handleTime:
        q % 2 === 0
          ? { kind: 'exponential', meanSeconds: AHT[q] as number }
          : { kind: 'lognormal', meanSeconds: AHT[q] as number, cv: 1 },
      answerSeconds: ANSWER[q] as number,
      targetServiceLevel: TARGET[q] as number,
    };
    const p = PATIENCE[q];
    if (p !== undefined) queue.patienceSeconds = p;
    return queue;
  });
  let groups: SkillGroup[];
  if (groupCount <= queueCount) {
    groups = [
      { name: 'q0', skills: [0] },
      { name: 'q0+q1', skills: [0, 1] },
    ];
  } else {
    groups = queues.map((_, q) => ({ name: `q${q}`, skills: [q] }));
    for (let j = 0; groups.length < groupCount; j++) {
      const skills = [j % queueCount, (j + 1) % queueCount];
      if (j % 2 === 1 && queueCount > 2) skills.push((j + 2) % queueCount);
      groups.push({ name: skills.map((s) => `q${s}`).join('+'), skills });
    }
  }
  return { intervalMinutes: 30, intervals: 2, queues, groups };
}

const rows = [];
let allMet = true;
let totalMs = 0;
for (const [Q, G] of SIZES) {
  const c = centre(Q, G);
  const t0 = nowMs();
  const r = staffMultiSkill(c, { seed: 14, acceptance: 'mean' });
  const ms = nowMs() - t0;
  totalMs += ms;
  allMet &&= r.met;
  const separate = [0, 1].map((i) =>
    c.queues.reduce(
      (sum, q) => sum + erlangStaffing(q, q.volume[i] as number, q.handleTime.meanSeconds, c.intervalMinutes).agents,
      0,
    ),
  );
  const multi = [0, 1].map((i) => r.intervals[i]!.agents.reduce((a, b) => a + b, 0));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  rows.push({
    size: `${Q} queues x ${G} groups`,
    met: r.met,
    ms: +ms.toFixed(0),
    separateTeamAgents: separate,
    multiSkillAgents: multi,
    savingAgents: sum(separate) - sum(multi),
    savingPercent: +((100 * (sum(separate) - sum(multi))) / sum(separate)).toFixed(1),
    groups: c.groups.map((g, k) => ({ group: g.name, agents: r.agents[k] })),
    intervals: r.intervals.map((iv) => ({
      approximation: iv.approximation,
      agents: iv.agents,
      steps: iv.iterations,
      queues: iv.queues.map((v) => ({
        queue: c.queues[v.queue]!.name,
        target: v.targetServiceLevel,
        sl: v.serviceLevel === null ? null : +v.serviceLevel.mean.toFixed(3),
        halfWidth: v.serviceLevel === null ? null : +v.serviceLevel.halfWidth.toFixed(3),
        met: v.met,
      })),
    })),
  });
  console.log(
    `${Q}x${G}: ${r.met ? 'met' : 'NOT MET'}, agents ${multi.join('/')} vs separate teams ${separate.join('/')} (quiet/busy), ${ms.toFixed(0)} ms`,
  );
}
// A week of the 3-queue, 5-group centre, default acceptance ('interval').
const weekModel = benchmarkCentre(672);
const week: MultiSkillCentre = {
  ...weekModel,
  queues: weekModel.queues.map((q, k) => ({ ...q, targetServiceLevel: [0.8, 0.8, 0.7][k] as number })),
  groups: weekModel.groups.map((g) => ({
    name: g.name,
    skills: g.skills,
    ...(g.handleTimeFactors ? { handleTimeFactors: g.handleTimeFactors } : {}),
  })),
};
const tw = nowMs();
const weekResult = staffMultiSkill(week, { seed: 14 });
const weekMs = nowMs() - tw;
// Steps actually simulated: intervals with the volumes of an earlier one are copied, not re-run.
const distinct = new Map(
  weekResult.intervals.map((iv) => [week.queues.map((q) => q.volume[iv.interval]).join(','), iv]),
);
// One verification per distinct interval plus one per correction step.
const weekSimulations = distinct.size + [...distinct.values()].reduce((a, iv) => a + iv.iterations, 0);
const weekAgentHours = (xs: (iv: (typeof weekResult.intervals)[number]) => number[]) =>
  weekResult.intervals.reduce((a, iv) => a + xs(iv).reduce((x, y) => x + y, 0), 0) / 4;
console.log(
  `week 3x5, 672 intervals: ${weekResult.met ? 'met' : 'NOT MET'}, ${distinct.size} distinct intervals, ${weekSimulations} simulations, ${(weekMs / 1000).toFixed(1)} s`,
);

const separateTotal = rows.reduce((a, r) => a + r.separateTeamAgents.reduce((x, y) => x + y, 0), 0);
const multiTotal = rows.reduce((a, r) => a + r.multiSkillAgents.reduce((x, y) => x + y, 0), 0);
writeResult({
  name: 'multiskill-centres',
  description:
    'Multi-skill staffing (pooled Erlang approximation + simulation correction) on generated centres from 2 queues x 2 groups to 6 x 8, two 30-minute intervals each; saving over separate Erlang teams',
  size: {
    centres: SIZES.length,
    largest: '6 queues x 8 groups',
    replications: 6,
    simulatedMinutes: 480,
    weekIntervals: 672,
  },
  metrics: {
    allMet,
    totalMs: +totalMs.toFixed(0),
    separateTeamAgents: separateTotal,
    multiSkillAgents: multiTotal,
    savingPercent: +((100 * (separateTotal - multiTotal)) / separateTotal).toFixed(1),
    weekMs: +weekMs.toFixed(0),
    weekMet: weekResult.met,
    weekDistinctIntervals: distinct.size,
    weekSimulations,
    weekAgentHoursApproximation: weekAgentHours((iv) => iv.approximation),
    weekAgentHours: weekAgentHours((iv) => iv.agents),
  },
  targets: {
    met: { target: 'every queue of every centre at its SL target (simulated mean)', met: allMet },
    week: { target: 'a 3-queue, 5-group week staffed with every interval met', met: weekResult.met },
  },
  details: rows,
});
