/**
 * History files into the store: the rows the forecast reads (interval counts or contact records,
 * CSV or JSON, any zone offsets) put on the interval grid in the centre's time zone, as the
 * forecast would see them, then appended to the queue's history (a re-loaded day replaces its
 * rows). Answers what changed, per queue.
 */
import { WfmError } from '../errors.js';
import { buildGrid } from '../forecast/history.js';
import type { HistoryInput } from '../forecast/types.js';
import {
  appendHistory,
  getQueueByName,
  listQueues,
  type Actor,
  type Centre,
  type HistoryAppendReport,
  type Store,
} from '../store/index.js';

const DAY_MS = 86_400_000;

/** Rows of one history on its grid, as local wall-clock starts in the centre's zone. */
function gridRows(history: HistoryInput, timeZone: string) {
  const grid = buildGrid(history, timeZone, undefined, false);
  const rows: { start: string; volume: number; ahtSeconds: number | null }[] = [];
  for (let d = 0; d < grid.days; d++) {
    const day = new Date((grid.firstDay + d) * DAY_MS).toISOString().slice(0, 10);
    for (let s = 0; s < grid.slotsPerDay; s++) {
      const k = d * grid.slotsPerDay + s;
      const volume = grid.volume[k] as number;
      if (Number.isNaN(volume)) continue;
      const minute = s * grid.intervalMinutes;
      const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const ahtVolume = grid.ahtVolume[k] as number;
      rows.push({
        start: `${day}T${hhmm}`,
        volume,
        ahtSeconds: ahtVolume > 0 ? (grid.ahtWork[k] as number) / ahtVolume : null,
      });
    }
  }
  return { rows, intervalMinutes: grid.intervalMinutes };
}

export interface QueueHistoryImport extends HistoryAppendReport {
  queue: string;
  intervalMinutes: number;
}

/**
 * Appends each queue's history (`queue` '' = the one named by `defaultQueue`) to the centre's
 * queue of that name; a queue the centre does not have is an error naming it, before any write.
 */
export async function importHistoryToStore(
  store: Store,
  centre: Centre,
  queues: readonly { queue: string; history: HistoryInput }[],
  options: Actor & { defaultQueue?: string | undefined },
): Promise<QueueHistoryImport[]> {
  const known = (await listQueues(store, centre.id)).map((q) => q.name);
  const named = queues.map((q) => ({ ...q, queue: q.queue || options.defaultQueue || '' }));
  for (const q of named) {
    if (!known.includes(q.queue)) {
      const hint =
        q.queue === '' ? 'name it with --queue' : `create it first (PUT /v1/centres/${centre.code}/queues/${q.queue})`;
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `Centre ${centre.code} has no queue "${q.queue}" (queues: ${known.join(', ') || 'none'}): ${hint}.`,
        { issues: [{ path: ['queue'], message: `no queue "${q.queue}"` }] },
      );
    }
  }
  const out: QueueHistoryImport[] = [];
  for (const q of named) {
    const { rows, intervalMinutes } = gridRows(q.history, centre.timeZone);
    const queue = await getQueueByName(store, centre.id, q.queue);
    const report = await appendHistory(store, queue.id, rows, { actor: options.actor, intervalMinutes });
    out.push({ queue: q.queue, intervalMinutes, ...report });
  }
  return out;
}
