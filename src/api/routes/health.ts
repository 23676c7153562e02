import { z } from 'zod';
import type { RouteModule } from '../context.js';

const HealthSchema = z.object({
  status: z.literal('ok'),
  uptimeSeconds: z.number(),
  jobs: z.object({ queued: z.int(), running: z.int() }),
});

/**
 * `GET /healthz`: liveness, without authentication. Does no work beyond reading two counters,
 * so it answers at once even while every pool thread is busy.
 */
export const healthRoutes: RouteModule = (app, ctx) => {
  const startedMs = Date.now();
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness probe (no API key needed).',
        tags: ['service'],
        response: { 200: HealthSchema },
      },
    },
    async () => {
      const { queued, running } = ctx.jobs.stats();
      return { status: 'ok' as const, uptimeSeconds: (Date.now() - startedMs) / 1000, jobs: { queued, running } };
    },
  );
};
