/** The terminal progress: a bar redrawn in place on a TTY, one plain line per step otherwise. */
import { describe, expect, it } from 'vitest';
import { PLAN_STEPS, type PlanProgress } from '../../src/app/whole-plan.js';
import { progressReporter } from '../../src/cli/progress-bar.js';

function events(): PlanProgress[] {
  const total = PLAN_STEPS.length;
  let done = 0;
  const weight = PLAN_STEPS.reduce((s, x) => s + x.weight, 0);
  return PLAN_STEPS.flatMap((s, i) => {
    const start: PlanProgress = {
      step: s.step,
      label: s.label,
      index: i + 1,
      total,
      phase: 'start',
      fraction: done / weight,
    };
    done += s.weight;
    return [start, { ...start, phase: 'done', fraction: done / weight, elapsedMs: 1500, detail: 'ok' }];
  });
}

describe('progressReporter', () => {
  it('writes one plain line per finished step when not a TTY', () => {
    let text = '';
    const p = progressReporter({ isTTY: false, write: (t: string) => (text += t) });
    for (const e of events()) p.onProgress(e);
    p.finish();
    expect(text.split('\n').filter(Boolean)).toEqual(
      PLAN_STEPS.map((s, i) => `wfm plan: ${i + 1}/5 ${s.label}: ok (1.5 s)`),
    );
    expect(text).not.toContain('\r');
  });

  it('redraws a bar in place on a TTY and ends at 100 %', () => {
    let text = '';
    const p = progressReporter({ isTTY: true, columns: 120, write: (t: string) => (text += t) });
    for (const e of events()) p.onProgress(e);
    p.finish();
    expect(text).toContain('\r\x1b[2K[');
    expect(text).toContain('[########################] 100 % 5/5 report: ok');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('progressReporter.tick', () => {
  it('moves the bar inside a step with a time limit, on a TTY only', () => {
    let text = '';
    const p = progressReporter({ isTTY: true, columns: 120, write: (t: string) => (text += t) });
    const roster = events().find((e) => e.step === 'roster' && e.phase === 'start') as PlanProgress;
    p.onProgress({ ...roster, timeLimitSeconds: 10 });
    p.tick(1000); // first reading: the step's start
    p.tick(6000); // 5 s of 10 s: half the roster's 40 % share on top of the 55 % done -> 75 %
    expect(text).toContain('75 % 4/5 roster: 5.0 s of up to 10 s');
    let plain = '';
    const q = progressReporter({ isTTY: false, write: (t: string) => (plain += t) });
    q.onProgress({ ...roster, timeLimitSeconds: 10 });
    q.tick(1000);
    q.tick(6000);
    expect(plain).toBe('');
  });
});
