/**
 * `wfm staff` on several queues: a staffing CSV with a `queue` column (and optionally `--queues
 * FILE` with each queue's model, target and priority, and the skill groups), or a multi-queue
 * `POST /v1/staffing` body. Each queue is staffed alone (its Erlang requirement) and the centre
 * together per skill group, verified by simulation: the answer of the API's multi-queue body.
 */
import { WfmError, formatPath, isWfmError, type WfmIssue } from '../../errors.js';
import {
  isMultiQueueBody,
  parseMultiQueueStaffing,
  parseStaffQueuesConfig,
  type StaffQueuesConfig,
} from '../../contracts/multi-queue-staffing.js';
import { runMultiQueueStaffing, type MultiQueueStaffingResult } from '../../app/multi-queue-staffing.js';
import { multiQueueStaffingCsv } from '../../formats/multi-queue-staffing-csv.js';
import { toJsonText } from '../../formats/json.js';
import { emit, parseJsonText } from '../../io/files.js';
import { namingFile, readInput } from '../../io/input-file.js';
import { withSimulationRunner } from '../simulation-runner.js';
import { reportVerdictLine } from '../verdict.js';
import type { RowOrigin } from '../row-origin.js';

/** What `wfm staff` read, with the flags applied (`doc`), as `runStaff` holds it. */
export interface StaffQueuesInput {
  file: string;
  /** The input as read (a multi-queue JSON body is used as it is). */
  raw: Record<string, unknown>;
  /** The single-queue request with the flags applied: the defaults of every queue. */
  doc: Record<string, unknown>;
  origin: RowOrigin;
  queuesFile?: string | undefined;
  threads?: number | undefined;
  format: 'csv' | 'json';
  out?: string | undefined;
}

/** True when `wfm staff` is to staff several queues. */
export function isMultiQueueInput(raw: Record<string, unknown>, origin: RowOrigin, queuesFile?: string): boolean {
  return isMultiQueueBody(raw) || origin.queueOfRow !== undefined || queuesFile !== undefined;
}

/** Staffs the queues together and writes the answer (JSON as the API's, or CSV per queue and interval). */
export async function runStaffQueues(input: StaffQueuesInput): Promise<void> {
  const file = input.queuesFile;
  const config = file
    ? readInput(file, '--queues', (text) => parseStaffQueuesConfig(parseJsonText(text, file)))
    : undefined;
  const { body, lines } = isMultiQueueBody(input.raw)
    ? { body: input.raw, lines: [] as number[][] }
    : multiQueueBody(input, config);
  const parsed = parseNamed(body, lines, input);
  const result = await withSimulationRunner(input.threads, Math.max(1, parsed.startsMs.length), (runner) =>
    runMultiQueueStaffing(runner, parsed),
  );
  emit(input.format === 'json' ? toJsonText(result) : multiQueueStaffingCsv(result), input.out);
  process.stderr.write(queuesSummary(result));
  reportVerdictLine(
    result.met,
    `staff ${result.met ? 'met: every queue at its target in every interval' : 'falls short: a queue is below its target'}`,
  );
}

/** The multi-queue body of a CSV with a `queue` column: one request per queue, the config's fields over the flags'. */
function multiQueueBody(
  input: StaffQueuesInput,
  config: StaffQueuesConfig | undefined,
): { body: Record<string, unknown>; lines: number[][] } {
  const rowQueues = input.origin.queueOfRow;
  if (!rowQueues) {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `${input.file}: --queues needs an input with a queue column (start,volume,aht_seconds,queue) naming each ` +
        `row's queue.`,
      { issues: [{ path: ['--input'], message: 'no queue column' }], file: input.file },
    );
  }
  const names = [...new Set(rowQueues)];
  checkNames(names, config, input);
  const { intervals, ...defaults } = input.doc as { intervals: unknown[] };
  const lines: number[][] = [];
  const queues = (config?.queues.map((q) => q.name) ?? names).map((name, k) => {
    const rows = rowQueues.flatMap((q, i) => (q === name ? [i] : []));
    lines.push(rows.map((i) => input.origin.csvLines?.[i] ?? i + 2));
    const own = config?.queues[k];
    const { name: _name, priority, handleTimeCv, ...fields } = own ?? { name, priority: 0 };
    return {
      name,
      priority,
      ...(handleTimeCv === undefined ? {} : { handleTimeCv }),
      request: { ...defaults, ...fields, intervals: rows.map((i) => intervals[i]) },
    };
  });
  const { queues: _queues, groups, seed, replications, acceptance } = config ?? {};
  const extra = Object.entries({ groups, seed, replications, acceptance }).filter(([, v]) => v !== undefined);
  return { body: { queues, ...Object.fromEntries(extra) }, lines };
}

/** Every queue of the file is in the config and every configured queue has rows, or an error naming both. */
function checkNames(names: readonly string[], config: StaffQueuesConfig | undefined, input: StaffQueuesInput): void {
  if (!config) return;
  const issues: WfmIssue[] = [];
  for (const name of names)
    if (!config.queues.some((q) => q.name === name))
      issues.push({
        path: ['queues'],
        message: `the input has queue "${name}", which the queues config does not list`,
      });
  config.queues.forEach((q, k) => {
    if (!names.includes(q.name))
      issues.push({ path: ['queues', k, 'name'], message: `no rows of queue "${q.name}" in ${input.file}` });
  });
  if (issues.length > 0) {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `${input.queuesFile ?? '--queues'}: ${issues[0]?.message ?? ''}: list every queue of the input under ` +
        `queues, each name as the queue column writes it.`,
      { issues, ...(input.queuesFile ? { file: input.queuesFile } : {}) },
    );
  }
}

/**
 * Parses the body; an error in a queue's intervals names the input file and its CSV line, one in
 * a queue's settings or the groups the queues config (when given).
 */
function parseNamed(body: unknown, lines: readonly number[][], input: StaffQueuesInput) {
  try {
    return parseMultiQueueStaffing(body);
  } catch (error) {
    if (!isWfmError(error) || error.status >= 500) throw error;
    const issues = error.issues.map((issue): WfmIssue => {
      const [head, k, request, intervals, i, ...rest] = issue.path;
      const line = typeof k === 'number' && typeof i === 'number' ? lines[k]?.[i] : undefined;
      if (head === 'queues' && request === 'request' && intervals === 'intervals' && line !== undefined)
        return {
          path: ['line', line, ...rest.map((f) => String(f).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))],
          message: issue.message,
        };
      return issue;
    });
    const first = issues[0];
    const inRows = first?.path[0] === 'line' || input.queuesFile === undefined || isMultiQueueBody(input.raw);
    const where =
      first?.path[0] === 'line'
        ? `CSV line ${String(first.path[1])}, ${first.path.slice(2).join('.')}`
        : formatPath(first?.path ?? []);
    const detail = first ? `${where}: ${first.message}` : error.message;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    const relabelled = new WfmError(error.code, `Invalid multi-queue staffing: ${detail}${more}`, {
      issues,
      cause: error,
    });
    throw namingFile(relabelled, inRows ? input.file : (input.queuesFile as string));
  }
}

/** Lines for stderr: each queue alone, each group, and the centre together against the queues apart. */
function queuesSummary(result: MultiQueueStaffingResult): string {
  const hours = result.intervalMinutes / 60;
  const h = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const lines = result.queues.map((q) => {
    const alone = q.intervals.reduce((s, r) => s + r.requirement, 0) * hours;
    const met = q.intervals.filter((r) => r.met).length;
    return (
      `queue ${q.name}: ${h(alone)} agent-hours alone (Erlang), target ${h(100 * q.target.serviceLevel)} % in ` +
      `${h(q.target.answerSeconds)} s met ` +
      `in ${met}/${q.intervals.length} intervals`
    );
  });
  const together = result.groups.reduce((s, g) => s + g.agentHours, 0);
  const apart = result.queues.reduce((s, q) => s + q.intervals.reduce((t, r) => t + r.requirement, 0), 0) * hours;
  lines.push(`groups: ${result.groups.map((g) => `${g.name} ${h(g.agentHours)} agent-hours`).join(', ')}`);
  lines.push(`combined: ${h(together)} agent-hours staffed together, ${h(apart)} with each queue staffed alone`);
  return `${lines.join('\n')}\n`;
}
