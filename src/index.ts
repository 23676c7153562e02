/**
 * wfm-engine public API. Every named export here is part of the contract; internal modules are
 * not (the roster search's parts, for benchmarks, are in `wfm-engine/internals`, with no promise
 * of stability). See README.md for usage and docs/ for the semantics.
 */

// ---- Errors and time ----
export { WfmError, ERROR_CODES, isWfmError, formatPath } from './errors.js';
export type { WfmErrorCode, WfmIssue } from './errors.js';
export { parseInstant, formatInstant, inferIntervalMinutes, INTERVAL_MINUTES } from './time/instant.js';
export type { IntervalMinutes } from './time/instant.js';

// ---- Staffing: Erlang C / A, chat, deferred work ----
export {
  trafficErlangs,
  headcountAfterShrinkage,
  erlangB,
  erlangC,
  evaluateInterval,
  solveInterval,
  solveErlangCAgents,
  staffQueue,
  staffDeferred,
} from './erlang/index.js';
export type {
  QueueModel,
  StaffingTargets,
  QueueParams,
  IntervalLoad,
  IntervalMetrics,
  IntervalStaffing,
  DeferredParams,
  StaffingTotals,
  StaffQueueInput,
  DeferredInterval,
  DeferredTotals,
} from './erlang/index.js';

// ---- Forecast ----
export { forecast, FORECAST_METHODS } from './forecast/index.js';
export type {
  ForecastMethod,
  ForecastMethodChoice,
  ForecastOptions,
  ForecastResult,
  ForecastInterval,
  BacktestReport,
  MethodReport,
  OriginScore,
  IntervalHistoryRow,
  ContactHistoryRow,
  HistoryInput,
  SpecialDay,
} from './forecast/index.js';
export { ForecastRequestSchema, ForecastResultSchema, parseForecastRequest } from './contracts/forecast.js';
export { forecastRequest } from './app/forecast.js';
export { forecastMany } from './app/forecast-many.js';
export type { ForecastManyOptions } from './app/forecast-many.js';
export type { ForecastSeries } from './app/parallel/handlers/forecast.js';

// ---- Staffing requests (the CLI and API forms) and batches on the worker pool ----
export {
  StaffingRequestSchema,
  StaffingResponseSchema,
  ErlangRequestSchema,
  ErlangResponseSchema,
  IntervalResultSchema,
  StaffingTotalsSchema,
  DEFAULT_TARGET,
  MAX_INTERVALS,
  parseStaffingRequest,
  parseErlangRequest,
} from './contracts/staffing.js';
export { staffRequest, erlangRequest } from './app/staffing.js';
export type {
  StaffingRequest,
  StaffingRequestInput,
  StaffingResponse,
  StaffingResponseTotals,
  ErlangRequest,
  ErlangRequestInput,
  ErlangResponse,
  IntervalResult,
} from './contracts/staffing.js';
export { staffBatch } from './erlang/batch.js';
export type { StaffingBatch, StaffingBatchResult } from './erlang/batch.js';
export { createPool, runTask } from './app/parallel/pool.js';
export type { WfmPool, PoolOptions, RunTaskOptions } from './app/parallel/pool.js';
export { staffBatchOnPool } from './app/staffing-batch.js';
export type { BatchRunOptions } from './app/staffing-batch.js';

// ---- Multi-skill staffing and its discrete-event simulation (docs/simulation.md) ----
export {
  simulate,
  simulateReplication,
  simulateReplications,
  summariseReplications,
  replicationSeed,
  validateModel,
  fitHandleTime,
  fitPatience,
} from './simulation/index.js';
export type {
  SimModel,
  SimQueue,
  SimGroup,
  HandleTimeDistribution,
  SimulateOptions,
  SimulationSummary,
  QueueSummary,
  IntervalFigures,
  ReplicationResult,
  Estimate,
  HandleTimeFit,
  PatienceFit,
} from './simulation/index.js';
export { staffMultiSkill, distinctSkillGroups } from './multiskill/index.js';
export type {
  MultiSkillCentre,
  MultiSkillOptions,
  MultiSkillStaffing,
  MultiSkillInterval,
  MultiSkillIssue,
  SkillGroup,
  QueueVerdict,
} from './multiskill/index.js';

// ---- Sample data ----
export { generateSampleWeek } from './app/samples/sample-week.js';
export type { SampleWeek, SampleWeekOptions, SampleInterval } from './app/samples/sample-week.js';

// ---- Shift plan ----
export { planShifts } from './scheduler/shift-plan/plan.js';
export type { PlanOptions, ServiceLevelFn } from './scheduler/shift-plan/plan.js';
export type {
  ShiftPlanRules,
  PlanRequirement,
  ShiftTemplate,
  BreakRule,
  PoolRule,
  OpeningHours,
} from './scheduler/shift-plan/rules.js';
export type {
  ShiftPlan,
  PlannedShift,
  PlannedShiftInstance,
  PlannedBreak,
  RetrainingSession,
  CoverageInterval,
  PlanQuality,
  PlanGrid,
  PlanIssue,
  UncoverableInterval,
  SolveStatus,
  ShortfallInterval,
  ShortfallReason,
  SupplyReport,
} from './scheduler/shift-plan/types.js';
export { mayWorkShift } from './scheduler/shift-plan/supply-agents.js';
export type { SupplyAgent, ShiftOnClock } from './scheduler/shift-plan/supply-agents.js';
export {
  ShiftPlanRulesSchema,
  ShiftPlanRequirementSchema,
  parseShiftPlanRules,
  parseRequirementJson,
  MAX_PLAN_INTERVALS,
} from './contracts/shift-plan.js';
export { runShiftPlan } from './app/shift-plan.js';
export type { ShiftPlanRulesInput, RequirementDocument } from './contracts/shift-plan.js';
export type { ShiftPlanRunOptions } from './app/shift-plan.js';
export { loadSolver } from './scheduler/mip/highs.js';
export { createSlotGrid, formatSlot, slotStartMs, slotOfInstant, localTimeToSlot } from './time/slot-grid.js';
export type { SlotGrid, LocalDay } from './time/slot-grid.js';

// ---- Roster and the independent rule checker ----
export { rosterPlan } from './scheduler/roster/roster.js';
export type { RosterOptions } from './scheduler/roster/roster.js';
export { runRoster } from './scheduler/roster/run.js';
export { RULE_KEYS, RULE_UNITS, defaultRuleSettings } from './scheduler/roster/problem.js';
export type { RuleKey, RuleSetting } from './scheduler/roster/problem.js';
export type {
  RosterAgent,
  RosterRules,
  Preference,
  TimeOff,
  TimeWindow,
  Rotation,
  PreviousRoster,
  PreviousShift,
} from './scheduler/roster/types.js';
export { parsePreviousRoster, checkPreviousBefore, type ParsedPrevious } from './contracts/previous-roster.js';
export { parsePreviousRosterCsv } from './formats/previous-roster-csv.js';
export type {
  RosterResult,
  RosterAgentResult,
  RosterDay,
  UnfilledShift,
  RosterCoverageInterval,
  FlexibleTeamDay,
} from './scheduler/roster/result-types.js';
export { checkRoster, checkPulls } from './scheduler/rules-check/index.js';
export type { CheckViolation } from './scheduler/rules-check/index.js';
export {
  RosterPlanSchema,
  AgentSchema,
  AgentsSchema,
  RosterRulesSchema,
  RosterRequestSchema,
  parseRosterPlan,
  parseAgentsJson,
  parseRosterRules,
  parseRosterRequest,
} from './contracts/roster.js';
export { parseAgentsCsv } from './formats/agents-csv.js';
export type { RosterRequestInput, AgentInput } from './contracts/roster.js';

// ---- The whole plan: config, pipeline, summary, folder and report ----
export { runPlan, staffForecast, PLAN_STEPS } from './app/whole-plan.js';
export type { PlanInput, PlanDeps, PlanArtifacts, PlanProgress, PlanStep } from './app/whole-plan.js';
export { PlanConfigSchema, parsePlanConfig } from './contracts/plan-config.js';
export type { PlanConfig, PlanConfigInput } from './contracts/plan-config.js';
export { buildSummary } from './app/summary.js';
export type { PlanSummary, PlanDaySummary } from './app/summary.js';
export { planInputFromConfig } from './io/plan-config.js';
export { writePlanFolder, planFolderFiles, PLAN_FILES } from './io/plan-folder.js';
export { renderReport } from './report/html.js';
export type { ReportInput } from './report/html.js';

// ---- The built-in demo centre ----
export { buildDemoCentre } from './app/samples/demo-centre.js';
export type { DemoCentreOptions, DemoCentreConfig } from './app/samples/demo-centre.js';
