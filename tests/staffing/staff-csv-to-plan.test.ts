import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffRequest } from '../../src/app/staffing.js';
import { requirementFromStaffing } from '../../src/app/shift-plan.js';
import { readRequirement } from '../../src/cli/commands/shift-plan.js';
import { parseStaffingRequest } from '../../src/contracts/staffing.js';
import { staffingCsv } from '../../src/formats/staffing-csv.js';

const intervals = Array.from({ length: 4 }, (_x, i) => ({
  start: `2026-06-01T${String(9 + i).padStart(2, '0')}:00:00Z`,
  volume: 100 + 20 * i,
  ahtSeconds: 180,
}));

describe('the wfm staff CSV is a shift-plan requirement as it is', () => {
  for (const model of ['erlang-c', 'erlang-a'] as const) {
    it(`reads every column ${model} writes (note included) and keeps start, agents, volume and AHT`, () => {
      const response = staffRequest(
        parseStaffingRequest({ model, ...(model === 'erlang-a' ? { patienceSeconds: 120 } : {}), intervals }),
      );
      const dir = mkdtempSync(join(tmpdir(), 'wfm-staff-csv-'));
      const path = join(dir, 'staffing.csv');
      writeFileSync(path, staffingCsv(response));
      const requirement = readRequirement(path);
      expect(requirement.rows.map((r) => [r.start, r.agents, r.volume, r.ahtSeconds])).toEqual(
        response.intervals.map((r) => [r.start, r.agents, r.volume, r.ahtSeconds]),
      );
    });
  }
});

describe('the wfm staff JSON carries what the plan needs to simulate its queue', () => {
  it('echoes an Erlang A queue’s patience, so the plan’s requirement keeps the queue’s load', () => {
    const response = staffRequest(parseStaffingRequest({ model: 'erlang-a', patienceSeconds: 120, intervals }));
    expect(response.patienceSeconds).toBe(120);
    // The whole plan's hand-off (no file in between): without the patience, an Erlang A queue has
    // no load to pool or simulate (src/app/shift-plan.ts, queueLoadOf).
    const requirement = requirementFromStaffing(response);
    expect(requirement.queue).toMatchObject({ model: 'erlang-a', patienceSeconds: 120 });
    const dir = mkdtempSync(join(tmpdir(), 'wfm-staff-json-'));
    const path = join(dir, 'staffing.json');
    writeFileSync(path, JSON.stringify(response));
    expect(readRequirement(path).queue).toMatchObject({ model: 'erlang-a', patienceSeconds: 120 });
  });
});
