/**
 * Adapter: shows the pipeline's progress events on a terminal stream. On a TTY, one line redrawn
 * in place (a bar, the step, the elapsed time of the step against its limit); otherwise one plain
 * line per finished step, so logs and CI output stay readable.
 */
import type { PlanProgress } from './pipeline.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/**
 * Returns an `onProgress` callback writing to `stream`, and `finish()` to end the bar's line.
 * The pipeline steps run synchronously, so the bar moves between steps, not inside one.
 */
export function progressReporter(stream: ProgressStream): { onProgress: (event: PlanProgress) => void; finish: () => void } {
  const tty = stream.isTTY === true;
  let drawn = false;
  const bar = (fraction: number) => {
    const width = 24;
    const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.round(fraction * 100)).padStart(3)} %`;
  };
  return {
    onProgress(e) {
      const head = `${e.index}/${e.total} ${e.label}`;
      if (tty) {
        const text =
          e.phase === 'start'
            ? `${bar(e.fraction)} ${head}${e.timeLimitSeconds !== undefined ? ` (up to ${e.timeLimitSeconds} s)` : ''} ...`
            : `${bar(e.fraction)} ${head}: ${e.detail ?? 'done'} (${((e.elapsedMs ?? 0) / 1000).toFixed(1)} s)`;
        const width = Math.max(40, (stream.columns ?? 100) - 1);
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
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
