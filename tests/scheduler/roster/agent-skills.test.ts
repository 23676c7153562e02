/**
 * Agents JSON and CSV with skills, proficiency per skill and a hire date (multi-skill centres):
 * read, carried on the parsed agent, and a proficiency for a skill the agent lacks, or a CSV pair
 * that is not skill:factor, named by field and line.
 */
import { describe, expect, it } from 'vitest';
import { parseAgentsJson } from '../../../src/contracts/roster.js';
import { parseAgentsCsv } from '../../../src/formats/agents-csv.js';
import { isWfmError } from '../../../src/errors.js';

function issuePaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isWfmError(error)) return error.issues.map((i) => i.path.join('.'));
    throw error;
  }
  throw new Error('expected an error');
}

describe('agents with skills', () => {
  it('reads skills, proficiency and hireDate from JSON; agents without them are unchanged', () => {
    const [ana, bob] = parseAgentsJson(
      [
        {
          id: 'ana',
          contract: { maxHoursPerWeek: 40 },
          skills: ['sales', 'service'],
          proficiency: { service: 1.2 },
          hireDate: '2026-09-01',
        },
        { id: 'bob', contract: { maxHoursPerWeek: 40 } },
      ],
      'UTC',
    );
    expect(ana).toMatchObject({ skills: ['sales', 'service'], proficiency: { service: 1.2 }, hireDate: '2026-09-01' });
    expect(bob && 'skills' in bob).toBe(false);
  });

  it('reads the skills, proficiency and hire_date columns of the CSV', () => {
    const csv = 'id,max_hours,skills,proficiency,hire_date\nana,40,sales|service,service:1.2,2026-09-01\nbob,32,,,\n';
    const [ana, bob] = parseAgentsCsv(csv, 'UTC');
    expect(ana).toMatchObject({ skills: ['sales', 'service'], proficiency: { service: 1.2 }, hireDate: '2026-09-01' });
    expect(bob?.skills).toBeUndefined();
  });

  it('names a proficiency for a skill the agent lacks, and a CSV pair that is not skill:factor', () => {
    const json = [{ id: 'ana', contract: { maxHoursPerWeek: 40 }, skills: ['sales'], proficiency: { tech: 1.5 } }];
    expect(issuePaths(() => parseAgentsJson(json, 'UTC'))).toEqual(['0.proficiency.tech']);
    const csv = 'id,max_hours,skills,proficiency\nana,40,sales,sales=1.2\n';
    expect(issuePaths(() => parseAgentsCsv(csv, 'UTC'))).toEqual(['line 2.proficiency']);
  });

  it("refuses a skill that misspells one of the plan's queues, naming agent, line and the queue meant", () => {
    const json = [
      { id: 'ana', contract: { maxHoursPerWeek: 40 }, skills: ['vip', 'phnoe'] },
      { id: 'bob', contract: { maxHoursPerWeek: 40 }, skills: ['Phone', 'email'] },
    ];
    let message = '';
    try {
      parseAgentsJson(json, 'UTC', undefined, undefined, ['vip', 'phone']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'agent "ana" has skill "phnoe", which is not a queue of the plan (queues: vip, phone); did you mean "phone"?',
    );
    expect(issuePaths(() => parseAgentsJson(json, 'UTC', undefined, undefined, ['vip', 'phone']))).toEqual([
      '0.skills.1',
      '1.skills.0',
    ]);
    // "email" is no near miss of a queue: a skill for a queue this plan does not cover is kept.
    const [carl] = parseAgentsJson(
      [json[1]!].map((a) => ({ ...a, skills: ['phone', 'email'] })),
      'UTC',
      undefined,
      undefined,
      ['vip', 'phone'],
    );
    expect(carl?.skills).toEqual(['phone', 'email']);
    const csv = 'id,max_hours,skills\nana,40,vip|phnoe\n';
    expect(issuePaths(() => parseAgentsCsv(csv, 'UTC', undefined, {}, ['vip', 'phone']))).toEqual(['line 2.skills.1']);
  });
});
