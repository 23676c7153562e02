import { sql, type Kysely } from 'kysely';

/**
 * The first schema: every table of the planning store. Each statement runs on its own (PGlite's
 * extended protocol takes one statement per query). Every centre-owned table carries `centre_id`,
 * so a centre's export is one `where centre_id = $1` per table. Days are text `YYYY-MM-DD` (local
 * to the centre), instants are `timestamptz`, documents `jsonb`, ids uuid (stable across export/import).
 */
export const statements: readonly string[] = [
  `create table centres (
    id uuid primary key default gen_random_uuid(),
    code text not null unique,
    name text not null,
    time_zone text not null,
    created_at timestamptz not null
  )`,
  `create table queues (
    id uuid primary key default gen_random_uuid(),
    centre_id uuid not null references centres (id) on delete cascade,
    name text not null,
    channel text not null,
    model text not null,
    target jsonb not null,
    priority integer not null default 1,
    updated_at timestamptz not null,
    unique (centre_id, name)
  )`,
  `create table agents (
    id uuid primary key default gen_random_uuid(),
    centre_id uuid not null references centres (id) on delete cascade,
    external_id text not null,
    name text not null,
    contract jsonb not null,
    skills jsonb not null,
    availability jsonb not null,
    time_off jsonb not null,
    updated_at timestamptz not null,
    unique (centre_id, external_id)
  )`,
  `create table history (
    centre_id uuid not null references centres (id) on delete cascade,
    queue_id uuid not null references queues (id) on delete cascade,
    interval_start timestamptz not null,
    day text not null,
    interval_minutes integer not null,
    volume double precision not null,
    aht_seconds double precision,
    loaded_at timestamptz not null,
    primary key (queue_id, interval_start)
  )`,
  `create index history_centre_day on history (centre_id, day)`,
  `create table forecasts (
    id uuid primary key default gen_random_uuid(),
    centre_id uuid not null references centres (id) on delete cascade,
    queue_id uuid not null references queues (id) on delete cascade,
    name text not null,
    interval_minutes integer not null,
    model jsonb not null,
    created_at timestamptz not null,
    created_by text not null
  )`,
  `create table forecast_intervals (
    centre_id uuid not null references centres (id) on delete cascade,
    forecast_id uuid not null references forecasts (id) on delete cascade,
    interval_start timestamptz not null,
    volume double precision not null,
    aht_seconds double precision,
    primary key (forecast_id, interval_start)
  )`,
  `create table forecast_overrides (
    id uuid primary key default gen_random_uuid(),
    centre_id uuid not null references centres (id) on delete cascade,
    forecast_id uuid not null references forecasts (id) on delete cascade,
    kind text not null check (kind in ('scale', 'set', 'holiday')),
    from_at timestamptz,
    to_at timestamptz,
    day text,
    factor double precision,
    volume double precision,
    note text not null default '',
    created_at timestamptz not null,
    created_by text not null,
    seq integer not null
  )`,
  `create table scenarios (
    id uuid primary key default gen_random_uuid(),
    centre_id uuid not null references centres (id) on delete cascade,
    name text not null,
    input jsonb not null,
    result jsonb,
    created_at timestamptz not null,
    created_by text not null,
    unique (centre_id, name)
  )`,
  `create table document_versions (
    id uuid primary key default gen_random_uuid(),
    centre_id uuid not null references centres (id) on delete cascade,
    kind text not null check (kind in ('shift-plan', 'roster')),
    series text not null,
    version integer not null,
    status text not null check (status in ('draft', 'published')),
    document jsonb not null,
    note text not null default '',
    created_at timestamptz not null,
    created_by text not null,
    published_at timestamptz,
    published_by text,
    unique (centre_id, kind, series, version)
  )`,
  `create table roster_shifts (
    centre_id uuid not null references centres (id) on delete cascade,
    version_id uuid not null references document_versions (id) on delete cascade,
    agent_id text not null,
    shift_key text not null,
    start_at timestamptz not null,
    end_at timestamptz not null,
    template text not null,
    breaks jsonb not null,
    activities jsonb not null,
    primary key (version_id, shift_key)
  )`,
  `create index roster_shifts_agent on roster_shifts (centre_id, agent_id, start_at)`,
  `create table calendar_events (
    centre_id uuid not null references centres (id) on delete cascade,
    series text not null,
    agent_id text not null,
    shift_key text not null,
    uid text not null unique,
    sequence integer not null,
    status text not null check (status in ('confirmed', 'cancelled')),
    start_at timestamptz not null,
    end_at timestamptz not null,
    template text not null,
    breaks jsonb not null,
    activities jsonb not null,
    version_id uuid not null,
    updated_at timestamptz not null,
    primary key (centre_id, series, shift_key)
  )`,
  `create index calendar_events_agent on calendar_events (centre_id, agent_id, start_at)`,
  `create table calendar_tokens (
    token_hash text primary key,
    centre_id uuid not null references centres (id) on delete cascade,
    agent_id text not null,
    created_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create table api_keys (
    id uuid primary key default gen_random_uuid(),
    key_hash text not null unique,
    name text not null,
    role text not null check (role in ('planner', 'viewer', 'system')),
    centre_ids jsonb,
    created_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create table jobs (
    id uuid primary key default gen_random_uuid(),
    seq integer generated by default as identity,
    centre_id uuid references centres (id) on delete cascade,
    kind text not null check (kind in ('plan', 'roster', 'forecast', 'simulation')),
    status text not null check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
    payload jsonb not null,
    result jsonb,
    error jsonb,
    attempts integer not null default 0,
    max_attempts integer not null default 2,
    worker_id text,
    lease_until timestamptz,
    created_at timestamptz not null,
    created_by text not null,
    started_at timestamptz,
    finished_at timestamptz
  )`,
  `create index jobs_claim on jobs (status, seq)`,
  `create table audit_log (
    id uuid primary key default gen_random_uuid(),
    seq integer generated by default as identity,
    at timestamptz not null,
    actor text not null,
    centre_id uuid references centres (id) on delete cascade,
    entity text not null,
    entity_id text not null,
    action text not null,
    before jsonb,
    after jsonb
  )`,
  `create index audit_log_centre on audit_log (centre_id, at)`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_log',
    'jobs',
    'api_keys',
    'calendar_tokens',
    'calendar_events',
    'roster_shifts',
    'document_versions',
    'scenarios',
    'forecast_overrides',
    'forecast_intervals',
    'forecasts',
    'history',
    'agents',
    'queues',
    'centres',
  ];
  for (const table of tables) await sql.raw(`drop table if exists ${table}`).execute(db);
}
