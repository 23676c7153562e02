/**
 * The planning store (docs/store.md): one schema on PGlite (embedded, default) or a PostgreSQL
 * server. Every function takes the `Store` from `openStore` first; every change takes an `Actor`
 * and writes the audit log in the same transaction.
 */
export {
  openStore,
  type Store,
  type StoreTarget,
  type StoreOptions,
  type StoreEngine,
  type StoreStartup,
} from './open-store.js';
export { migrateToLatest, type MigrationReport } from './migrate.js';
export { defaultCacheDir, templateImage, templateImagePath, type TemplateImage } from './template-image.js';
export type { Database, Role, JobKind, JobStatus, DocumentKind, DocumentStatus } from './schema.js';
export { listAudit, type Actor, type AuditEntry, type AuditQuery } from './audit.js';
export { createCentre, getCentre, listCentres, type Centre, type CentreInput } from './centres.js';
export { upsertQueue, listQueues, getQueueByName, type Queue, type QueueInput } from './queues.js';
export { importAgents, listAgents, type Agent, type AgentInput, type AgentImportReport } from './agents.js';
export {
  appendHistory,
  listHistory,
  type HistoryRow,
  type HistoryRowInput,
  type HistoryAppendReport,
} from './history.js';
export {
  saveForecast,
  getForecast,
  listForecasts,
  addForecastOverride,
  removeForecastOverride,
  effectiveForecast,
  type ForecastInput,
  type ForecastSummary,
  type OverrideInput,
  type EffectiveForecast,
} from './forecasts.js';
export { applyOverrides, type ForecastOverride, type EffectiveInterval } from './apply-overrides.js';
export {
  saveScenario,
  listScenarios,
  getScenario,
  compareScenarios,
  type Scenario,
  type ScenarioListItem,
  type ScenarioComparison,
} from './scenarios.js';
export { jsonDiff, type JsonChange } from './json-diff.js';
export type { RosterDocument, RosterAgent, RosterShift, TimedItem } from './roster-document.js';
export { normaliseRoster, shiftUid, type NormalisedShift } from './shift-identity.js';
export { diffRosters, type RosterDiff, type AgentRosterDiff, type ShiftMove } from './roster-diff.js';
export {
  createDraft,
  updateDraft,
  publishVersion,
  getVersion,
  getVersionDocument,
  listVersions,
  currentPublished,
  diffVersions,
  agentShifts,
  type DocumentVersion,
  type DraftInput,
  type PublishResult,
  publishedRosters,
} from './versions.js';
export { versionVerdictLines, type VersionVerdictLine } from './version-summaries.js';
export {
  createFeedToken,
  revokeFeedToken,
  calendarEventsForAgent,
  type CalendarEvent,
  type AgentCalendar,
  type CalendarPublishReport,
} from './calendar.js';
export {
  enqueueJob,
  claimJob,
  heartbeatJob,
  completeJob,
  failJob,
  cancelJob,
  getJob,
  listJobs,
  type Job,
  type EnqueueInput,
  type ClaimOptions,
} from './jobs.js';
export { runOneJob, type JobHandler, type RunOneJobOptions } from './job-runner.js';
export {
  ROLES,
  createApiKey,
  revokeApiKey,
  authorize,
  requireRole,
  roleGrants,
  type Principal,
  type AccessNeed,
  type AccessResult,
} from './access.js';
export {
  exportStore,
  importStore,
  parseStoreDump,
  DUMP_FORMAT,
  DUMP_FORMAT_VERSION,
  type StoreDump,
  type ImportReport,
} from './dump.js';
