/**
 * Each queue's own service parameters in the multi-queue staffing answer, as `wfm shift-plan` reads
 * them back (docs/shift-plan.md, "Several queues"): the JSON's `model`, `target`, `patienceSeconds`
 * and the CSV's `model,target_service_level,answer_seconds,patience_seconds` become each queue
 * requirement's `queue`; an older answer without them leaves it unset (the rules' `queue` applies).
 * The figures are the inputs' own (a VIP queue at 90 % in 15 s, a phone queue at 80 % in 20 s with
 * 120 s patience).
 */
import { describe, expect, it } from 'vitest';
import { queuesOfStaffingAnswer, sumQueueRequirements } from '../../../src/contracts/queue-requirements.js';
import { parseQueueRequirementsCsv } from '../../../src/formats/queue-requirements-csv.js';
import { isWfmError, type WfmError } from '../../../src/errors.js';

const start = '2026-06-01T08:00:00Z';
const interval = { start, volume: 40, ahtSeconds: 200, requirement: 8 };
const vip = { name: 'vip', priority: 2, target: { serviceLevel: 0.9, answerSeconds: 15 }, intervals: [interval] };
const phone = {
  name: 'phone',
  model: 'erlang-a',
  patienceSeconds: 120,
  target: { serviceLevel: 0.8, answerSeconds: 20 },
  intervals: [{ ...interval, requirement: 14 }],
};
const VIP_QUEUE = { model: 'erlang-c', targets: { serviceLevel: 0.9, answerSeconds: 15 } };
const PHONE_QUEUE = { model: 'erlang-a', targets: { serviceLevel: 0.8, answerSeconds: 20 }, patienceSeconds: 120 };

function rejection(fn: () => unknown): WfmError {
  try {
    fn();
  } catch (error) {
    if (isWfmError(error)) return error;
    throw error;
  }
  throw new Error('expected a WfmError');
}

describe('queuesOfStaffingAnswer: each queue its own model, target and patience', () => {
  it("reads each queue's parameters into its requirement's queue; an older answer without them leaves it unset", () => {
    const queues = queuesOfStaffingAnswer({ multiQueue: true, queues: [vip, phone] });
    expect(queues.map((q) => q.requirement.queue)).toEqual([VIP_QUEUE, PHONE_QUEUE]); // Erlang C when no model
    const older = [vip, phone].map(({ name, intervals }) => ({ name, intervals })); // the rules' queue applies
    expect(queuesOfStaffingAnswer({ multiQueue: true, queues: older }).map((q) => q.requirement.queue)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('refuses an Erlang A queue without patience, naming the field', () => {
    const { patienceSeconds: _p, ...noPatience } = phone;
    const error = rejection(() => queuesOfStaffingAnswer({ multiQueue: true, queues: [vip, noPatience] }));
    expect(error.status).toBe(400);
    expect(error.issues[0]?.path).toEqual(['queues', 1, 'patienceSeconds']);
  });

  it('gives the summed requirement a target only when every queue has the same', () => {
    const mixed = sumQueueRequirements(queuesOfStaffingAnswer({ multiQueue: true, queues: [vip, phone] }));
    expect(mixed.queue).toBeUndefined();
    const same = sumQueueRequirements(
      queuesOfStaffingAnswer({ multiQueue: true, queues: [vip, { ...vip, name: 'vip2' }] }),
    );
    expect(same.queue).toEqual(VIP_QUEUE);
  });
});

describe('parseQueueRequirementsCsv: the queue columns of the multi-queue staffing CSV', () => {
  const header =
    'queue,start,volume,aht_seconds,requirement,model,target_service_level,answer_seconds,patience_seconds';

  it("reads each queue's parameters; the rows all and an older CSV without the columns leave them unset", () => {
    const csv = [
      header,
      `vip,${start},40,200,8,erlang-c,0.9,15,`,
      `phone,${start},40,200,14,erlang-a,0.8,20,120`,
      `all,${start},80,,22,,,,`,
    ].join('\n');
    expect(parseQueueRequirementsCsv(csv).map((q) => q.requirement.queue)).toEqual([VIP_QUEUE, PHONE_QUEUE]);
    const older = ['queue,start,requirement', `vip,${start},8`, `phone,${start},14`].join('\n');
    expect(parseQueueRequirementsCsv(older).map((q) => q.requirement.queue)).toEqual([undefined, undefined]);
  });

  it('refuses a queue with two targets, or Erlang A without patience, naming the line', () => {
    const later = '2026-06-01T08:30:00Z';
    const two = [header, `vip,${start},40,200,8,erlang-c,0.9,15,`, `vip,${later},40,200,8,erlang-c,0.8,15,`];
    const error = rejection(() => parseQueueRequirementsCsv(two.join('\n')));
    expect(error.message).toContain('line 3');
    expect(error.message).toContain('other service parameters than on line 2');
    const noPatience = [header, `phone,${start},40,200,14,erlang-a,0.8,20,`].join('\n');
    const erlangA = rejection(() => parseQueueRequirementsCsv(noPatience));
    expect(erlangA.issues[0]?.path).toEqual(['line', 2, 'patience_seconds']);
  });
});
