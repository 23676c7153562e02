/**
 * Adapter: shows the pipeline's progress events on a terminal stream. On a TTY, one line redrawn
 * in place (a bar, the step, the elapsed time of the step against its limit); otherwise one plain
 * line per finished step, so logs and CI output stay readable.
 */
import { PLAN_STEPS, type PlanProgress } from '../app/whole-plan.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/**
 * Returns an `onProgress` callback writing to `stream`, `tick(nowMs)` to move the bar inside a
 * step with a time limit (the CLI calls it from the clock it gives the pipeline: the roster search
 * reads that clock as it runs), and `finish()` to end the bar's line.
 */
export function progressReporter(stream: ProgressStream): {
  onProgress: (event: PlanProgress) => void;
  tick: (nowMs: number) => void;
  finish: () => void;
} {
  const tty = stream.isTTY === true;
  const totalWeight = PLAN_STEPS.reduce((s, x) => s + x.weight, 0);
  let drawn = false;
  let running: { event: PlanProgress; startMs: number | null; lastDrawMs: number } | null = null;
  const bar = (fraction: number) => {
    const width = 24;
    const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.round(fraction * 100)).padStart(3)} %`;
  };
  return {
    onProgress(e) {
      running =
        e.phase === 'start' && e.timeLimitSeconds !== undefined ? { event: e, startMs: null, lastDrawMs: 0 } : null;
      const head = `${e.index}/${e.total} ${e.label}`;
      if (tty) {
        const text =
          e.phase === 'start'
            ? `${bar(e.fraction)} ${head}${limitNote(e.timeLimitSeconds)} ...`
            : `${bar(e.fraction)} ${head}: ${e.detail ?? 'done'} (${((e.elapsedMs ?? 0) / 1000).toFixed(1)} s)`;
        const width = lineWidth(stream);
        stream.write(`\r\x1b[2K${text.slice(0, width)}`);
        drawn = true;
        if (e.phase === 'done') {
          stream.write('\n');
          drawn = false;
        }
      } else if (e.phase === 'done') {
        stream.write(`wfm plan: ${head}: ${e.detail ?? 'done'} (${((e.elapsedMs ?? 0) / 1000).toFixed(1)} s)\n`);
      }
    },
    tick(nowMs) {
      if (!tty || running === null) return;
      const r = running;
      if (r.startMs === null) {
        r.startMs = nowMs;
        r.lastDrawMs = nowMs;
        return;
      }
      if (nowMs - r.lastDrawMs < 250) return;
      r.lastDrawMs = nowMs;
      const e = r.event;
      const limitMs = (e.timeLimitSeconds ?? 1) * 1000;
      const elapsedMs = nowMs - r.startMs;
      const share = (PLAN_STEPS.find((s) => s.step === e.step)?.weight ?? 0) / totalWeight;
      const text =
        `${bar(e.fraction + share * Math.min(1, elapsedMs / limitMs))} ${e.index}/${e.total} ` +
        `${e.label}: ${(elapsedMs / 1000).toFixed(1)} s of up to ${e.timeLimitSeconds} s`;
      stream.write(`\r\x1b[2K${text.slice(0, lineWidth(stream))}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/** The terminal's width less one (a pseudo-terminal may report 0 columns: assume 100). */
function lineWidth(stream: ProgressStream): number {
  const columns = stream.columns !== undefined && stream.columns >= 40 ? stream.columns : 100;
  return columns - 1;
}

function limitNote(timeLimitSeconds: number | undefined): string {
  return timeLimitSeconds !== undefined ? ` (up to ${timeLimitSeconds} s)` : '';
}
