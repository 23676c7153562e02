/**
 * The house rule (docs/architecture.md): each room may import only the rooms below it.
 *   time, errors  <  core (erlang, forecast, what-if, scheduler, random, simulation, multiskill)
 *   <  contracts  <  store  <  app  <  formats, report  <  io  <  adapters (api, web, workers)  <  entries (cli, service.ts, server.ts, index.ts)
 * `npm test` runs `npm run check:architecture`, so a cycle or an upward import fails the build.
 */
const CORE = '^src/(erlang|forecast|what-if|scheduler|random|simulation|multiskill)/';
const BASE = '^src/(time/|errors\\.ts$)';
const allowedBelow = (...rooms) => [BASE, CORE, ...rooms];

/** A rule: files under `from` may import only `allowed` (plus npm packages and node built-ins). */
const room = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: [from, ...allowed] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A file cycle: split the shared part into its own file below both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    room('time-is-the-base', '^src/time/', ['^src/errors\\.ts$'], 'time/ imports only errors.'),
    room('core-is-pure', CORE, allowedBelow(), 'The core imports only time/, errors and the core.'),
    {
      name: 'core-has-no-io',
      comment: 'The core does no I/O, no threads, no HTTP.',
      severity: 'error',
      from: { path: CORE },
      to: {
        dependencyTypes: ['core', 'npm'],
        path: '^(fs|node:fs|path|node:path|http|node:http|child_process|node:child_process|worker_threads|node:worker_threads|piscina|fastify)',
      },
    },
    room('contracts-below-app', '^src/contracts/', allowedBelow(), 'contracts/ imports the core types only.'),
    room('store-below-app', '^src/store/', allowedBelow('^src/contracts/'), 'store/ imports contracts and core types.'),
    room(
      'app-below-formats',
      '^src/app/',
      allowedBelow('^src/contracts/', '^src/store/'),
      'app/ is under formats, report, io and the adapters.',
    ),
    room(
      'formats',
      '^src/formats/',
      allowedBelow('^src/contracts/', '^src/app/'),
      "formats/ read and write files' text only.",
    ),
    room(
      'report',
      '^src/report/',
      allowedBelow('^src/contracts/', '^src/app/', '^src/formats/'),
      'report/ renders app results.',
    ),
    room(
      'io',
      '^src/io/',
      allowedBelow('^src/contracts/', '^src/app/', '^src/formats/', '^src/report/', '^src/store/'),
      'io/ reads and writes files.',
    ),
    ...['api', 'web', 'workers'].map((adapter) =>
      room(
        `adapter-${adapter}`,
        `^src/${adapter}/`,
        allowedBelow('^src/contracts/', '^src/store/', '^src/app/', '^src/formats/', '^src/report/', '^src/io/'),
        'An adapter never imports another adapter; entries (cli, service.ts) compose them.',
      ),
    ),
    {
      name: 'nothing-imports-an-entry',
      comment:
        'cli/ and the entry files are the top: nothing in src imports them (service.ts only from cli and server.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|server\\.ts$)' },
      to: { path: '^src/(cli/|service\\.ts$|server\\.ts$|index\\.ts$|internals\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^src/web/static/' },
  },
};
