import { z } from 'zod';
import type { BuildAppOptions } from '../../src/api/app.js';
import { buildService as buildApp } from '../../src/service.js';
import type { RouteModule } from '../../src/api/context.js';
import { healthRoutes } from '../../src/api/routes/health.js';
import { jobRoutes, registerJobRoute } from '../../src/api/routes/jobs.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { WfmError } from '../../src/errors.js';

/** A job body used only by the tests: how long the fake job takes, and how it ends. */
export const FakeJobSchema = z.strictObject({
  waitMs: z.int().min(0).max(60_000),
  outcome: z.enum(['ok', 'wfm-error', 'crash']).default('ok'),
});

/** Fake worker handlers: wait (honouring the abort signal), then answer or fail. */
export function fakeHandlers(): Record<string, TaskHandler> {
  return {
    'test.sleep': (payload, signal) => {
      const { waitMs, outcome } = payload as z.output<typeof FakeJobSchema>;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (outcome === 'ok') resolve({ waited: waitMs });
          else if (outcome === 'wfm-error')
            reject(new WfmError('WFM_ERR_SCHEDULER_INFEASIBLE', 'cannot cover interval 3'));
          else reject(new Error('boom: secret internal detail'));
        }, waitMs);
        signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
      });
    },
  };
}

/** The fake job route `POST /v1/test-jobs`. */
export const fakeJobRoutes: RouteModule = (app, ctx) =>
  registerJobRoute(app, ctx, {
    url: '/v1/test-jobs',
    kind: 'test',
    handler: 'test.sleep',
    body: FakeJobSchema,
    summary: 'test',
    budgetMs: (body) => body.waitMs,
  });

/** An app with the service's infrastructure, the fake job route and an inline runner. */
export function testApp(options: BuildAppOptions = {}) {
  return buildApp({
    runner: inlineRunner(fakeHandlers()),
    routes: [healthRoutes, jobRoutes, fakeJobRoutes, ...(options.routes ?? [])],
    ...options,
    ...(options.routes ? { routes: [healthRoutes, jobRoutes, fakeJobRoutes, ...options.routes] } : {}),
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('waitFor: condition not met in time');
}
