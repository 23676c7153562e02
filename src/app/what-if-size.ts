/**
 * The size of a what-if read from its raw body, before validation, so that a sweep too big to
 * compute or to answer is refused before any work (counts of a malformed body are 0; the schema
 * then names what is wrong).
 */

export interface RawWhatIfSize {
  /** Intervals summed over the queues. */
  intervals: number;
  /** Scenarios: the list, plus the product of the sweep's lists; at least 1 (the base alone). */
  scenarios: number;
  /** scenarios x intervals: the work. */
  cells: number;
  /** Upper bound of the answer's JSON bytes. */
  answerBytes: number;
}

/**
 * Widest JSON of the answer's parts, bytes: a headcount cell ("1000000," or "null,"), a service
 * level cell (a float64 with its comma, e.g. "0.12345678901234567,"), and the fields of a scenario
 * and of a queue in it besides their names, which are counted as written (a dozen numbers and the
 * scenario's changes; measured ~250 and ~420 bytes, doubled and more).
 */
export const ANSWER_BYTES = { headcountCell: 8, serviceLevelCell: 25, scenario: 1_000, queue: 1_200 } as const;

/** Bytes of a name as a JSON string (escapes included); 0 for anything else. */
function nameBytes(item: unknown): number {
  const name = (item as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? Buffer.byteLength(JSON.stringify(name)) : 0;
}

function queueCounts(queues: unknown[]): { intervals: number; rosterIntervals: number; nameBytes: number } {
  let intervals = 0;
  let rosterIntervals = 0;
  let names = 0;
  for (const q of queues) {
    const queue = q as { request?: { intervals?: unknown }; rosterHeadcount?: unknown } | null;
    const n = Array.isArray(queue?.request?.intervals) ? queue.request.intervals.length : 0;
    intervals += n;
    if (Array.isArray(queue?.rosterHeadcount)) rosterIntervals += n;
    names += nameBytes(q);
  }
  return { intervals, rosterIntervals, nameBytes: names };
}

function scenarioCount(body: { sweep?: unknown; scenarios?: unknown }): number {
  const listed = Array.isArray(body.scenarios) ? body.scenarios.length : 0;
  let product = 0;
  if (body.sweep && typeof body.sweep === 'object') {
    product = 1;
    for (const values of Object.values(body.sweep)) product *= Array.isArray(values) ? values.length : 1;
  }
  return Math.max(1, listed + product);
}

/** The counts of a raw what-if body (see `RawWhatIfSize`). O(queues + sweep keys). */
export function rawWhatIfSize(body: unknown): RawWhatIfSize {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    queues?: unknown;
    sweep?: unknown;
    scenarios?: unknown;
    detail?: unknown;
  };
  const queues = Array.isArray(b.queues) ? b.queues : [];
  const { intervals, rosterIntervals, nameBytes: queueNames } = queueCounts(queues);
  const scenarios = scenarioCount(b);
  const listedNames = Array.isArray(b.scenarios) ? b.scenarios.reduce((sum: number, s) => sum + nameBytes(s), 0) : 0;
  const perInterval =
    b.detail === 'summary'
      ? 0
      : intervals * ANSWER_BYTES.headcountCell + rosterIntervals * ANSWER_BYTES.serviceLevelCell;
  const perScenario = ANSWER_BYTES.scenario + queues.length * ANSWER_BYTES.queue + queueNames + perInterval;
  return {
    intervals,
    scenarios,
    cells: scenarios * intervals,
    answerBytes: 64 + scenarios * perScenario + listedNames,
  };
}
