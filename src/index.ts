/**
 * wfm-engine public API. Every named export here is part of the contract; internal modules are
 * not. See README.md for usage and design.md for the semantics.
 */
export { WfmError, ERROR_CODES, isWfmError, formatPath } from './errors.js';
export type { WfmErrorCode, WfmIssue } from './errors.js';
export { parseInstant, formatInstant, inferIntervalMinutes, INTERVAL_MINUTES } from './time/instant.js';
export type { IntervalMinutes } from './time/instant.js';
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
export {
  ForecastRequestSchema,
  ForecastResultSchema,
  parseForecastRequest,
  forecastRequest,
} from './contracts/forecast.js';
export { forecastMany } from './app/forecast-many.js';
export type { ForecastManyOptions } from './app/forecast-many.js';
export type { ForecastSeries } from './app/parallel/handlers/forecast.js';
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
export { generateSampleWeek } from './app/samples/sample-week.js';
export type { SampleWeek, SampleWeekOptions, SampleInterval } from './app/samples/sample-week.js';
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
} from './scheduler/shift-plan/types.js';
export {
  ShiftPlanRulesSchema,
  ShiftPlanRequirementSchema,
  parseShiftPlanRules,
  parseRequirementJson,
  runShiftPlan,
  MAX_PLAN_INTERVALS,
} from './contracts/shift-plan.js';
export type { ShiftPlanRulesInput, RequirementDocument, ShiftPlanRunOptions } from './contracts/shift-plan.js';
export { loadSolver } from './app/parallel/handlers/shift-plan.js';
export { createSlotGrid, formatSlot, slotStartMs, slotOfInstant, localTimeToSlot } from './time/slot-grid.js';
export type { SlotGrid, LocalDay } from './time/slot-grid.js';
export { rosterPlan } from './scheduler/roster/roster.js';
export type { RosterOptions } from './scheduler/roster/roster.js';
export { runRoster } from './scheduler/roster/run.js';
export { searchRoster } from './scheduler/roster/search.js';
export type { SearchOptions, SearchResult } from './scheduler/roster/search.js';
export { improveWithMip, lnsApplicable } from './scheduler/roster/lns.js';
export { readCurtoisQu } from './scheduler/roster/curtois-qu.js';
export type { CurtoisQuInstance } from './scheduler/roster/curtois-qu.js';
export { RULE_KEYS, RULE_UNITS, defaultRuleSettings } from './scheduler/roster/problem.js';
export type { RuleKey, RuleSetting, CoreProblem } from './scheduler/roster/problem.js';
export type { RosterAgent, RosterRules, Preference, TimeOff, TimeWindow } from './scheduler/roster/types.js';
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
export { buildDemoCentre } from './app/samples/demo-centre.js';
export type { DemoCentreOptions, DemoCentreConfig } from './app/samples/demo-centre.js';
