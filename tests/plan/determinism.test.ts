/**
 * Deterministic: the same config (seeds, limits that do not bind) gives the same outputs, byte for
 * byte, whatever the clock says. The roster is bounded by its move budget, not its time limit.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanConfig } from '../../src/contracts/plan-config.js';
import { planInputFromConfig } from '../../src/io/plan-config.js';
import { runPlan } from '../../src/app/whole-plan.js';
import { planFolderFiles } from '../../src/io/plan-folder.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { loadSolver } from '../../src/scheduler/mip/highs.js';

describe('runPlan determinism', () => {
  it('gives identical files on two runs with different clocks', async () => {
    const demo = buildDemoCentre({ agents: 25, historyWeeks: 6, shiftPlanSeconds: 60, rosterSeconds: 600 });
    const input = planInputFromConfig(
      parsePlanConfig({ ...demo, roster: { ...demo.roster, maxIterations: 30_000 } }),
      '.',
    );
    const highs = await loadSolver();
    let t = 0;
    const a = runPlan(input, { highs, now: () => 0 });
    const b = runPlan(input, { highs, now: () => (t += 1) });
    expect(a.roster.search.stoppedBy).toBe('iterations');
    expect(b.roster.search.stoppedBy).toBe('iterations');
    expect(a.shiftPlan.quality.status).toBe('optimal');
    const filesA = planFolderFiles(a);
    const filesB = planFolderFiles(b);
    // No wall-clock reading goes into a file: every file is the same, byte for byte.
    expect([...filesB.keys()]).toEqual([...filesA.keys()]);
    for (const [name, text] of filesA) expect(filesB.get(name), name).toBe(text);
  });
});
