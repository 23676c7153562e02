import { latticeKey } from './model-parts.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import type { InstanceOnGrid } from './coverage.js';

/**
 * Places the breaks of every shift instance concretely from the solver's break counts.
 *
 * Per (template, break rule), instances are taken in order of start (= order of window close, the
 * windows moving with the start) and each takes the earliest break time still available in its
 * window: the greedy that finds a perfect matching whenever Hall's condition holds, which the Aykin
 * rows guarantee for an integer solution. If counts are missing (heuristic path), the instance
 * takes the window point with the largest on-phone surplus (`surplus`, updated as it goes).
 * O(instances x window).
 *
 * @param counts agents per candidate (integers)
 * @param breakCounts per `${template}:${rule}` a map slot -> agents starting that break there
 */
export function placeBreaks(
  candidates: readonly CandidateShift[],
  windows: readonly number[][][],
  onGrid: readonly TemplateOnGrid[],
  counts: readonly number[],
  breakCounts: Map<string, Map<number, number>> | null,
  surplus: ((slot: number, lengthSlots: number) => number) | null,
  takeSurplus: ((slot: number, lengthSlots: number) => void) | null,
): InstanceOnGrid[] {
  const order = candidates
    .map((_c, i) => i)
    .sort((a, b) => (candidates[a] as CandidateShift).startSlot - (candidates[b] as CandidateShift).startSlot);
  const instances: InstanceOnGrid[] = [];
  for (const ci of order) {
    const c = candidates[ci] as CandidateShift;
    const t = onGrid[c.template] as TemplateOnGrid;
    for (let copy = 0; copy < (counts[ci] ?? 0); copy++) {
      const breaks = t.breaks.map((b, k) => {
        const starts = (windows[ci] as number[][])[k] as number[];
        const available = breakCounts?.get(latticeKey(c.template, k, c.skillClass));
        let chosen: number | undefined;
        if (available) {
          chosen = starts.find((p) => (available.get(p) ?? 0) > 0);
          if (chosen !== undefined) available.set(chosen, (available.get(chosen) as number) - 1);
        }
        if (chosen === undefined) {
          let best = -Infinity;
          for (const p of starts) {
            const value = surplus ? surplus(p, b.lengthSlots) : 0;
            if (value > best) {
              best = value;
              chosen = p;
            }
          }
        }
        const slot = chosen as number;
        takeSurplus?.(slot, b.lengthSlots);
        return { startSlot: slot, lengthSlots: b.lengthSlots };
      });
      instances.push({ candidate: ci, startSlot: c.startSlot, spanSlots: c.spanSlots, breaks });
    }
  }
  return instances;
}
