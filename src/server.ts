/**
 * The listening entry of the HTTP service (`wfm serve`). Everything else is in `buildService`
 * (src/api/app.ts), which tests drive with `app.inject()` without a socket.
 */
import { WfmError } from './errors.js';
import { buildService } from './service.js';
import type { ZodApp } from './api/context.js';
import { limitsFromEnv, type ApiLimits } from './api/options.js';
import { createPoolRunner } from './app/parallel/pool-runner.js';
import { SERVICE_THREAD_NICENESS } from './app/parallel/thread-priority.js';
import type { StoreTarget } from './store/index.js';
import type { JobWorker } from './workers/job-worker.js';

export interface ServeOptions {
  /** Default 127.0.0.1: loopback only. Bind elsewhere only behind a key and a proxy. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default: the `WFM_API_KEY` environment variable. */
  apiKey?: string;
  /** Over the `WFM_*` environment limits, which are over the defaults. */
  limits?: Partial<ApiLimits>;
  /** pino level: 'info' (default), 'warn', 'error', 'silent', ... */
  logLevel?: string;
  env?: Record<string, string | undefined>;
  /**
   * The planning store to open (PGlite folder or server URL): adds the store routes and runs the
   * store's jobs in-process on the same worker-thread pool (docs/store.md, "Jobs").
   */
  store?: StoreTarget | undefined;
  /** With a store: run its jobs in this process too (default true; false leaves them to `wfm worker`). */
  worker?: boolean;
  /**
   * Host names the service answers for besides the bound ones (`WFM_ALLOWED_HOSTS`, comma-separated,
   * adds to these); `*` for any. Default: the bound address, and localhost names on loopback.
   */
  allowedHosts?: string[];
  /** Listen on a non-loopback address without an API key (refused otherwise). */
  allowUnauthenticated?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * The Host names to accept: configured ones plus the bound address (and every loopback name when
 * bound to loopback). A wildcard bind (0.0.0.0, ::) or `*` accepts any host. Undefined = any.
 */
export function allowedHostsFor(host: string, configured: readonly string[]): string[] | undefined {
  const names = configured.map((h) => h.trim()).filter((h) => h !== '');
  if (names.includes('*')) return undefined;
  if (host === '0.0.0.0' || host === '::') return names.length > 0 ? names : undefined;
  return [...(LOOPBACK.has(host) ? LOOPBACK_NAMES : [host]), ...names];
}

/**
 * Refuses to listen beyond loopback without an API key (anyone on the network could run work and
 * read rosters), unless `allowUnauthenticated` says so on purpose.
 */
export function checkExposure(host: string, apiKey: string | undefined, allowUnauthenticated: boolean): void {
  if (LOOPBACK.has(host) || (apiKey !== undefined && apiKey !== '') || allowUnauthenticated) return;
  throw new WfmError(
    'WFM_ERR_INPUT_INVALID',
    `--host ${host}: listening beyond loopback without an API key would let anyone on the network in. ` +
      'Set WFM_API_KEY, or pass --allow-unauthenticated to do it anyway.',
    { issues: [{ path: ['--host'], message: 'non-loopback address without WFM_API_KEY' }] },
  );
}

/**
 * Builds the app and listens. Resolves with the app and the address it listens on, once it
 * accepts connections. SIGINT/SIGTERM close it gracefully (in-flight requests finish, running
 * jobs are aborted, the pool stops).
 */
export async function startServer(options: ServeOptions = {}): Promise<{ app: ZodApp; address: string }> {
  const env = options.env ?? process.env;
  const apiKey = options.apiKey ?? env.WFM_API_KEY;
  const host = options.host ?? '127.0.0.1';
  checkExposure(host, apiKey, options.allowUnauthenticated ?? false);
  const allowedHosts = allowedHostsFor(host, [
    ...(options.allowedHosts ?? []),
    ...(env.WFM_ALLOWED_HOSTS ?? '').split(','),
  ]);
  // The store's modules (query builder, database drivers) are loaded only when there is a store.
  const store = options.store ? await (await import('./store/index.js')).openStore(options.store) : undefined;
  // With a store the API and the job loop share one pool, closed here; without one the app owns its own.
  const runner = store ? createPoolRunner({ threadNiceness: SERVICE_THREAD_NICENESS }) : undefined;
  let worker: JobWorker | undefined;
  const app = await buildService({
    ...(store && runner ? { store, runner } : {}),
    apiKey: apiKey === '' ? undefined : apiKey,
    allowedHosts,
    limits: { ...limitsFromEnv(env), ...options.limits },
    logger: {
      level: options.logLevel ?? 'info',
      // Never log bodies or credentials: only the method, URL and addresses of each request.
      redact: ['req.headers.authorization'],
    },
    plugins: [
      (instance) =>
        instance.addHook('onClose', async () => {
          await worker?.stop(); // finishes the jobs in hand; nothing is released half-done
          await runner?.close();
          await store?.close();
        }),
    ],
  });
  if (store && runner && options.worker !== false) {
    const { startJobWorker } = await import('./workers/job-worker.js');
    worker = startJobWorker({ store, runner, onError: (err) => app.log.error({ err }, 'job worker') });
  }
  const address = await app.listen({ host, port: options.port ?? 8080 });
  if (!LOOPBACK.has(host) && (apiKey === undefined || apiKey === '')) {
    app.log.warn(
      { host },
      'LISTENING WITHOUT AN API KEY beyond loopback (--allow-unauthenticated): anyone who can reach it can use it',
    );
  }
  const stop = (signal: string): void => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return { app, address };
}
