/**
 * The whole HTTP service: the API (src/api) with the planner's page (src/web) plugged in. The one
 * place where the two adapters meet; `wfm serve` and src/server.ts build it, tests use it with
 * `app.inject()`.
 */
import { buildApp, type BuildAppOptions } from './api/app.js';
import type { ZodApp } from './api/context.js';
import { webRoutes } from './web/routes.js';

/** `buildApp` with the planner's page at `/` (and `/web/...`) after the API's routes. */
export function buildService(options: BuildAppOptions = {}): Promise<ZodApp> {
  return buildApp({ ...options, plugins: [webRoutes, ...(options.plugins ?? [])] });
}
