import type { Command } from 'commander';
import { WfmError } from '../../errors.js';
import { numberFlag } from '../../io/files.js';
import { storeTarget } from './db.js';

interface ServeFlags {
  host: string;
  port: string;
  logLevel: string;
  data?: string;
  worker: boolean;
  allowedHost?: string[];
  allowUnauthenticated?: boolean;
}

/** `wfm serve [--host 127.0.0.1] [--port 8080]`: the HTTP API (docs/api.md), until SIGINT/SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the HTTP API (OpenAPI at /docs). Listens on 127.0.0.1 unless --host says otherwise; with WFM_API_KEY set, ' +
        'every route but /healthz needs "Authorization: Bearer <key>". Limits: WFM_BODY_LIMIT_BYTES, ' +
        'WFM_MAX_INTERVALS, WFM_MAX_AGENTS, WFM_MAX_SCENARIOS, WFM_JOB_TIME_LIMIT_MS, WFM_MAX_QUEUED_JOBS, ' +
        'WFM_MAX_RUNNING_JOBS, WFM_MAX_WHAT_IF_CELLS, WFM_MAX_ANSWER_BYTES, WFM_REQUEST_TIMEOUT_MS, ' +
        'WFM_MAX_CONNECTIONS and more (docs/api.md, "Limits"). Answers only Host names of the bound address ' +
        '(--allowed-host adds more); beyond loopback it needs WFM_API_KEY or --allow-unauthenticated.',
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', '8080')
    .option('--log-level <level>', 'log level: trace, debug, info, warn, error, silent', 'info')
    .option(
      '--data <dir>',
      'open the planning store (PGlite in DIR; without it DATABASE_URL when set): centre, roster and calendar ' +
        "routes, the page's Versions panel (runs saved as drafts, hand edits, publish, diff), and store jobs run " +
        'in this process',
    )
    .option('--no-worker', 'with a store: leave its jobs to `wfm worker` processes')
    .option(
      '--allowed-host <name...>',
      'Host header names to answer for besides the bound address (also WFM_ALLOWED_HOSTS, comma-separated; * for any)',
    )
    .option('--allow-unauthenticated', 'listen beyond loopback without WFM_API_KEY (refused otherwise)')
    .action(async (opts: ServeFlags) => {
      const port = numberFlag(opts.port, '--port') as number;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new WfmError('WFM_ERR_INPUT_INVALID', `--port: ${opts.port} is not a port number (0-65535).`, {
          issues: [{ path: ['--port'], message: 'not a port number' }],
        });
      }
      const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
      if (!levels.includes(opts.logLevel)) {
        throw new WfmError(
          'WFM_ERR_INPUT_INVALID',
          `--log-level: "${opts.logLevel}" is not one of ${levels.join(', ')}.`,
          {
            issues: [{ path: ['--log-level'], message: 'unknown level' }],
          },
        );
      }
      const { startServer } = await import('../../server.js');
      const store = opts.data !== undefined || process.env.DATABASE_URL ? storeTarget(opts) : undefined;
      await startServer({
        host: opts.host,
        port,
        logLevel: opts.logLevel,
        store,
        worker: opts.worker,
        allowedHosts: opts.allowedHost ?? [],
        allowUnauthenticated: opts.allowUnauthenticated === true,
      });
      // Keep running until a signal closes the server.
      await new Promise<never>(() => {});
    });
}
