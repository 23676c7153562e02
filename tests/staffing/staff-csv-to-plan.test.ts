import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffRequest } from '../../src/app/staffing.js';
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
