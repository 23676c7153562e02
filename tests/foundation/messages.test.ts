/**
 * Messages for people: the line or field, the value as written, and how to fix it, with no
 * library wording ("(root): Invalid input", "(of type number)") and no text the user never wrote.
 */
import { describe, expect, it } from 'vitest';
import { agentsCsvToJson } from '../../src/formats/agents-csv.js';
import { parseAgentsJson } from '../../src/contracts/roster.js';
import { parsePlanConfig } from '../../src/contracts/plan-config.js';
import { parseInstant } from '../../src/time/instant.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

const agents = (days: string) => `id,name,max_hours,days\nA1,Ann,40,mon|tue\nA2,Bob,40,${days}\n`;
const parseAgents = (text: string) => {
  const { json, rowLabels } = agentsCsvToJson(text);
  return parseAgentsJson(json, 'UTC', rowLabels);
};

describe('agents CSV days', () => {
  it('reads "mon,tue,wed" and full names as the days they say', () => {
    expect(parseAgents(agents('"mon,tue,wed"'))[1]?.availability.days).toEqual([1, 2, 3]);
    expect(parseAgents(agents('Monday|Friday'))[1]?.availability.days).toEqual([1, 5]);
  });

  it('names the line, the value and the way to write a day', () => {
    const message = messageOf(() => parseAgents(agents('mon|tue|xyz')));
    expect(message).toContain('line 3');
    expect(message).toContain('(got "xyz")');
    expect(message).toContain('write mon, tue, wed, thu, fri, sat or sun');
    expect(message).not.toContain('(root)');
  });
});

describe('a plan config with a bad history value', () => {
  it('names the row, the field and the value, not "history: Invalid input"', () => {
    const message = messageOf(() =>
      parsePlanConfig({
        history: [{ start: '2026-01-05T08:00Z', volume: 'ten' }],
        shiftPlan: { templates: [] },
        agents: [{ id: 'A1' }],
      }),
    );
    expect(message).toMatch(/history\[0\]\.volume: .*\(got "ten"\)/);
    expect(message).not.toMatch(/history: Invalid input/);
  });
});

describe('an unreadable time', () => {
  it('quotes the text as written and says how to write a day/month date', () => {
    const message = messageOf(() => parseInstant('06/04/2026 08:00', 'UTC', 'line 2 start'));
    expect(message).toContain('"06/04/2026 08:00"');
    expect(message).not.toContain('06/04/2026T08:00'); // never written by the user
    expect(message).not.toMatch(/of type|ISO format|can't be parsed/);
    expect(message).toContain('2026-04-06');
  });
});
