/**
 * The report's multi-queue section (a plan with `queues`): each queue's requirement stacked per
 * interval under the rostered on-phone line, then the queues side by side, each with its figures
 * and its service level per interval (simulated mean inside its 95 % band, formula, target).
 */
import type { PlanQueueReport, PlanQueuesResult } from '../app/plan-queues.js';
import type { PlanSummary } from '../app/summary.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { activeRows } from './charts.js';
import { QUEUE_COLOURS } from './palette.js';
import { FRAME, c, dayAxis, esc, fmt, niceMax, pct, yAxis, type Frame } from './svg.js';

const PALETTE = QUEUE_COLOURS;

function plot(frame: Frame, n: number, yMax: number) {
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  return {
    x: (i: number) => frame.left + (plotW * i) / Math.max(1, n),
    y: (v: number) => frame.top + plotH - (plotH * Math.min(v, yMax)) / yMax,
  };
}

/** Row indices worth drawing (each day from its first to its last interval with volume or staff). */
function activeIndices(result: PlanQueuesResult): number[] {
  const first = result.queues[0] as PlanQueueReport;
  const rows = first.intervals.map((r, i) => ({
    start: r.start,
    i,
    active: result.queues.some((q) => (q.intervals[i]?.volume ?? 0) > 0 || (q.intervals[i]?.covered ?? 0) > 0),
  }));
  return activeRows(rows, (r) => r.active).map((r) => r.i);
}

/** Each queue's own requirement stacked per interval, with the roster's agents on the phones as a line. */
export function queueRequirementChart(result: PlanQueuesResult, roster: RosterResult): string {
  const idx = activeIndices(result);
  const onPhoneByStart = new Map(roster.coverage.map((r) => [Date.parse(r.start), r.onPhone]));
  const starts = idx.map((i) => result.queues[0]?.intervals[i]?.start as string);
  const onPhone = starts.map((s) => onPhoneByStart.get(Date.parse(s)) ?? 0);
  const totals = idx.map((i) => result.queues.reduce((s, q) => s + (q.intervals[i]?.requirement ?? 0), 0));
  const yMax = niceMax(Math.max(1, ...totals, ...onPhone));
  const { x, y } = plot(FRAME, idx.length, yMax);
  const below = new Array<number>(idx.length).fill(0);
  const layers = result.queues.map((q, k) => {
    const top = idx.map((i, j) => (below[j] as number) + (q.intervals[i]?.requirement ?? 0));
    const upper = top.map((v, j) => `${c(x(j))},${c(y(v))} ${c(x(j + 1))},${c(y(v))}`);
    const lower = below.map((v, j) => `${c(x(j + 1))},${c(y(v))} ${c(x(j))},${c(y(v))}`).reverse();
    top.forEach((v, j) => (below[j] = v));
    return (
      `<polygon class="queue-layer" data-queue="${esc(q.name)}" fill="${PALETTE[k % PALETTE.length]}" ` +
      `points="${[...upper, ...lower].join(' ')}"/>`
    );
  });
  const line = onPhone.map((v, j) => `${j === 0 ? 'M' : 'L'}${c(x(j))},${c(y(v))}H${c(x(j + 1))}`).join('');
  return [
    `<svg id="chart-queue-requirement" class="chart" viewBox="0 0 ${FRAME.width} ${FRAME.height}" role="img" ` +
      `aria-label="Requirement per queue, stacked, against rostered on-phone agents">`,
    yAxis(FRAME, yMax, 'agents on the phones'),
    dayAxis(FRAME, starts, x),
    layers.join(''),
    `<path class="onphone" d="${line}"/>`,
    '</svg>',
  ].join('');
}

const SMALL: Frame = { width: 540, height: 200, left: 40, right: 8, top: 14, bottom: 26 };

/** One queue's service level per interval: the simulated mean in its 95 % band, the formula, the target. */
export function queueServiceLevelChart(q: PlanQueueReport, k: number, idx: readonly number[]): string {
  const { x, y } = plot(SMALL, idx.length, 1);
  const mid = (j: number) => x(j + 0.5);
  const rows = idx.map((i) => q.intervals[i]);
  const simulated = rows.map((r) => (r && r.volume > 0 ? r.serviceLevelSimulated : null));
  const clamp = (v: number | null) => Math.max(0, Math.min(1, v ?? 0));
  const path = (value: (j: number) => number | null) => {
    let d = '';
    let pen = false;
    idx.forEach((_, j) => {
      const v = value(j);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${c(mid(j))},${c(y(clamp(v)))}`;
      pen = true;
    });
    return d;
  };
  const bands = simulated
    .map((s, j) =>
      s && s.low !== null && s.high !== null
        ? `<rect class="sl-band" x="${c(x(j))}" width="${c(x(j + 1) - x(j))}" y="${c(y(clamp(s.high)))}" ` +
          `height="${c(y(clamp(s.low)) - y(clamp(s.high)))}"/>`
        : '',
    )
    .join('');
  const target = q.targetServiceLevel ?? 0;
  return [
    `<svg id="chart-queue-sl-${k}" class="chart" viewBox="0 0 ${SMALL.width} ${SMALL.height}" role="img" ` +
      `aria-label="Service level of ${esc(q.name)} per interval: simulated with its 95 % interval, formula, target">`,
    yAxis(SMALL, 1, 'service level'),
    dayAxis(
      SMALL,
      rows.map((r) => r?.start ?? ''),
      x,
    ),
    bands,
    `<line class="sl-target" x1="${SMALL.left}" x2="${SMALL.width - SMALL.right}" y1="${c(y(target))}" y2="${c(y(target))}"/>`,
    `<path class="sl-formula" d="${path((j) => ((rows[j]?.volume ?? 0) > 0 ? (rows[j]?.serviceLevelFormula ?? null) : null))}"/>`,
    `<path class="sl-simulated" stroke="${PALETTE[k % PALETTE.length]}" d="${path((j) => simulated[j]?.mean ?? null)}"/>`,
    '</svg>',
  ].join('');
}

/** The whole section: the stacked requirement, then one panel per queue side by side. */
export function queuesSection(
  result: PlanQueuesResult,
  summary: NonNullable<PlanSummary['queues']>,
  roster: RosterResult,
  figure: (path: string, value: number | string | boolean | null, shown?: string) => string,
): string {
  const idx = activeIndices(result);
  const panels = result.queues.map((q, k) => {
    const s = summary[k];
    const sl = s?.serviceLevel;
    const band = sl && sl.low !== null && sl.high !== null ? ` (${pct(sl.low)} - ${pct(sl.high)})` : '';
    const rows: [string, string][] = [
      ['model, priority', `${esc(q.model)}, ${fmt(q.priority)}`],
      [
        'target',
        figure(`queues.${k}.serviceLevelTarget`, s?.serviceLevelTarget ?? null, pct(s?.serviceLevelTarget ?? null)),
      ],
      [
        'SL simulated (95 %)',
        sl ? `${figure(`queues.${k}.serviceLevel.mean`, sl.mean, pct(sl.mean))}${band}` : 'not simulated',
      ],
      ['abandonment', figure(`queues.${k}.abandonRate`, s?.abandonRate ?? null, pct(s?.abandonRate ?? null))],
      ['required agent-h', figure(`queues.${k}.requiredAgentHours`, s?.requiredAgentHours ?? 0)],
      ['covered agent-h', figure(`queues.${k}.coveredAgentHours`, s?.coveredAgentHours ?? null)],
      ['intervals short', figure(`queues.${k}.shortIntervals`, s?.shortIntervals ?? 0)],
    ];
    const dl = rows.map(([t, v]) => `<dt>${t}</dt><dd>${v}</dd>`).join('');
    return (
      `<div class="queue-panel"><h3><span class="key" style="background:${PALETTE[k % PALETTE.length]}"></span>` +
      `${esc(q.name)}${s?.met === false ? ' (short)' : ''}</h3><dl>${dl}</dl>${queueServiceLevelChart(q, k, idx)}</div>`
    );
  });
  const keys = result.queues
    .map((q, k) => `<span class="key" style="background:${PALETTE[k % PALETTE.length]}"></span>${esc(q.name)}`)
    .join(' ');
  return `<h2>Queues</h2>
<p class="legend">Each queue's requirement (staffed alone), stacked: ${keys} <span class="key onphone"></span>
rostered on the phones (every skill)</p>
${queueRequirementChart(result, roster)}
<p class="legend">Service level per interval: simulated mean (queue colour)
<span class="key sl-band"></span>its 95 % interval <span class="key sl-formula"></span>formula (the queue alone
at its requirement) <span class="key sl-target"></span>target; ${result.replications} replications, seed
${result.seed}.</p>
<div class="queues">${panels.join('')}</div>`;
}
