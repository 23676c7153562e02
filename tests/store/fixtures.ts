import { apiHandlers } from '../../src/app/parallel/handlers/api.js';
import { inlineRunner, type TaskHandler, type TaskRunner } from '../../src/app/parallel/runner.js';
import type { RosterDocument } from '../../src/store/index.js';

let counter = 0;
/** A centre code no other test in the same store uses. */
export function uniqueCode(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Two agents in Europe/Lisbon (UTC+0 in December) over two days of the week 2026-W50. */
export function rosterV1(): RosterDocument {
  return {
    week: '2026-W50',
    agents: [
      {
        id: 'ana',
        shifts: [
          { start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', template: 'early-8h', breaks: [] },
          { start: '2026-12-08T08:00:00Z', end: '2026-12-08T16:00:00Z', template: 'early-8h' },
        ],
      },
      {
        id: 'rui',
        shifts: [
          { start: '2026-12-07T12:00:00Z', end: '2026-12-07T20:00:00Z', template: 'late-8h' },
          { start: '2026-12-08T12:00:00Z', end: '2026-12-08T20:00:00Z', template: 'late-8h' },
        ],
      },
    ],
  };
}

/**
 * v2 of the same week: ana's Tuesday moves an hour later, rui's Tuesday is removed, rui gets a
 * Wednesday, ana's Monday gains a retraining activity (same times).
 */
export function rosterV2(): RosterDocument {
  return {
    week: '2026-W50',
    agents: [
      {
        id: 'ana',
        shifts: [
          {
            start: '2026-12-07T08:00:00Z',
            end: '2026-12-07T16:00:00Z',
            template: 'early-8h',
            activities: [{ start: '2026-12-07T14:00:00Z', end: '2026-12-07T15:00:00Z', kind: 'retraining' }],
          },
          { start: '2026-12-08T09:00:00Z', end: '2026-12-08T17:00:00Z', template: 'early-8h' },
        ],
      },
      {
        id: 'rui',
        shifts: [
          { start: '2026-12-07T12:00:00Z', end: '2026-12-07T20:00:00Z', template: 'late-8h' },
          { start: '2026-12-09T12:00:00Z', end: '2026-12-09T20:00:00Z', template: 'late-8h' },
        ],
      },
    ],
  };
}

/**
 * The runner of a store test's API: the service's own checks (e.g. a store job's body, checked on a
 * pool thread) run inline; the jobs themselves are left to the test's worker.
 */
export function apiRunner(): TaskRunner {
  return inlineRunner(apiHandlers as unknown as Record<string, TaskHandler>);
}
