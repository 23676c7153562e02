/** The terminal progress: a bar redrawn in place on a TTY, one plain line per step otherwise. */
import { describe, expect, it } from 'vitest';
import { PLAN_STEPS, type PlanProgress } from '../../src/plan/pipeline.js';
import { progressReporter } from '../../src/plan/progress-bar.js';

function events(): PlanProgress[] {
  const total = PLAN_STEPS.length;
  let done = 0;
  const weight = PLAN_STEPS.reduce((s, x) => s + x.weight, 0);
  return PLAN_STEPS.flatMap((s, i) => {
    const start: PlanProgress = { step: s.step, label: s.label, index: i + 1, total, phase: 'start', fraction: done / weight };
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
    expect(text.split('\n').filter(Boolean)).toEqual(PLAN_STEPS.map((s, i) => `wfm plan: ${i + 1}/5 ${s.label}: ok (1.5 s)`));
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
