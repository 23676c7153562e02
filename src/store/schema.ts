import type { ColumnType, Generated } from 'kysely';

/**
 * The row types of the store's tables, as kysely sees them (migrations/0001-initial.ts creates them).
 * JSON columns are written through `json()` (json.ts) so both engines receive the same text.
 */
type Json<T> = ColumnType<T, T, T>;
type Instant = ColumnType<Date, Date, Date>;

export interface CentresTable {
  id: Generated<string>;
  code: string;
  name: string;
  time_zone: string;
  created_at: Instant;
}

export interface QueuesTable {
  id: Generated<string>;
  centre_id: string;
  name: string;
  channel: string;
  model: string;
  target: Json<Record<string, unknown>>;
  priority: number;
  updated_at: Instant;
}

export interface AgentsTable {
  id: Generated<string>;
  centre_id: string;
  external_id: string;
  name: string;
  contract: Json<Record<string, unknown>>;
  skills: Json<unknown[]>;
  availability: Json<unknown[]>;
  time_off: Json<unknown[]>;
  updated_at: Instant;
}

export interface HistoryTable {
  centre_id: string;
  queue_id: string;
  interval_start: Instant;
  day: string;
  interval_minutes: number;
  volume: number;
  aht_seconds: number | null;
  loaded_at: Instant;
}

export interface ForecastsTable {
  id: Generated<string>;
  centre_id: string;
  queue_id: string;
  name: string;
  interval_minutes: number;
  model: Json<Record<string, unknown>>;
  created_at: Instant;
  created_by: string;
}

export interface ForecastIntervalsTable {
  centre_id: string;
  forecast_id: string;
  interval_start: Instant;
  volume: number;
  aht_seconds: number | null;
}

export interface ForecastOverridesTable {
  id: Generated<string>;
  centre_id: string;
  forecast_id: string;
  kind: 'scale' | 'set' | 'holiday';
  from_at: Date | null;
  to_at: Date | null;
  day: string | null;
  factor: number | null;
  volume: number | null;
  note: string;
  created_at: Instant;
  created_by: string;
  seq: number;
}

export interface ScenariosTable {
  id: Generated<string>;
  centre_id: string;
  name: string;
  input: Json<unknown>;
  result: Json<unknown> | null;
  created_at: Instant;
  created_by: string;
}

export type DocumentKind = 'shift-plan' | 'roster';
export type DocumentStatus = 'draft' | 'published';

export interface DocumentVersionsTable {
  id: Generated<string>;
  centre_id: string;
  kind: DocumentKind;
  series: string;
  version: number;
  status: DocumentStatus;
  document: Json<unknown>;
  note: string;
  created_at: Instant;
  created_by: string;
  published_at: Date | null;
  published_by: string | null;
}

export interface RosterShiftsTable {
  centre_id: string;
  version_id: string;
  agent_id: string;
  shift_key: string;
  start_at: Instant;
  end_at: Instant;
  template: string;
  breaks: Json<unknown[]>;
  activities: Json<unknown[]>;
  /** The skills (queue names) the shift was planned for; `[]` outside a multi-skill plan. */
  skills: Json<string[]>;
}

export interface CalendarEventsTable {
  centre_id: string;
  series: string;
  agent_id: string;
  shift_key: string;
  uid: string;
  sequence: number;
  status: 'confirmed' | 'cancelled';
  start_at: Instant;
  end_at: Instant;
  template: string;
  breaks: Json<unknown[]>;
  activities: Json<unknown[]>;
  version_id: string;
  updated_at: Instant;
}

export interface CalendarTokensTable {
  token_hash: string;
  centre_id: string;
  agent_id: string;
  created_at: Instant;
  revoked_at: Date | null;
}

export type Role = 'planner' | 'viewer' | 'system';

export interface ApiKeysTable {
  id: Generated<string>;
  key_hash: string;
  name: string;
  role: Role;
  centre_ids: Json<string[] | null>;
  created_at: Instant;
  revoked_at: Date | null;
}

export type JobKind = 'plan' | 'roster' | 'forecast' | 'simulation';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<string>;
  seq: Generated<number>;
  centre_id: string | null;
  kind: JobKind;
  status: JobStatus;
  payload: Json<unknown>;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  worker_id: string | null;
  lease_until: Date | null;
  created_at: Instant;
  created_by: string;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  seq: Generated<number>;
  at: Instant;
  actor: string;
  centre_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface Database {
  centres: CentresTable;
  queues: QueuesTable;
  agents: AgentsTable;
  history: HistoryTable;
  forecasts: ForecastsTable;
  forecast_intervals: ForecastIntervalsTable;
  forecast_overrides: ForecastOverridesTable;
  scenarios: ScenariosTable;
  document_versions: DocumentVersionsTable;
  roster_shifts: RosterShiftsTable;
  calendar_events: CalendarEventsTable;
  calendar_tokens: CalendarTokensTable;
  api_keys: ApiKeysTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
}
