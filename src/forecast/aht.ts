import type { HistoryGrid } from './history.js';
import { weekdayOf } from '../time/local-time.js';

/** Contacts of weight with which a finer AHT profile overrides its coarser parent (credibility). */
const CREDIBILITY_CONTACTS = 30;

/**
 * AHT per (weekday, slot), seconds, from the last `weeks` weeks before `endDay` (grid day index,
 * exclusive): volume-weighted, and shrunk toward coarser profiles where volume is thin
 * (weekday-slot -> slot over all weekdays -> overall), as `(work + k x parent) / (volume + k)`
 * with k = 30 contacts. Returns null when the history has no handle times (then
 * `defaultAhtSeconds` applies). O(weeks x 7 x slots).
 */
export function ahtProfile(
  grid: HistoryGrid,
  endDay: number,
  excluded: ReadonlySet<number>,
  weeks = 8,
): Float64Array | null {
  const S = grid.slotsPerDay;
  const work = new Float64Array(7 * S);
  const volume = new Float64Array(7 * S);
  const slotWork = new Float64Array(S);
  const slotVolume = new Float64Array(S);
  let totalWork = 0;
  let totalVolume = 0;
  for (let d = Math.max(0, endDay - 7 * weeks); d < endDay; d++) {
    if (excluded.has(d)) continue;
    const w = weekdayOf(grid.firstDay + d);
    for (let s = 0; s < S; s++) {
      const v = grid.ahtVolume[d * S + s] as number;
      if (v <= 0) continue;
      const k = grid.ahtWork[d * S + s] as number;
      work[w * S + s] = (work[w * S + s] as number) + k;
      volume[w * S + s] = (volume[w * S + s] as number) + v;
      slotWork[s] = (slotWork[s] as number) + k;
      slotVolume[s] = (slotVolume[s] as number) + v;
      totalWork += k;
      totalVolume += v;
    }
  }
  if (totalVolume <= 0) return null;
  const overall = totalWork / totalVolume;
  const out = new Float64Array(7 * S);
  for (let s = 0; s < S; s++) {
    const slotAht =
      ((slotWork[s] as number) + CREDIBILITY_CONTACTS * overall) / ((slotVolume[s] as number) + CREDIBILITY_CONTACTS);
    for (let w = 0; w < 7; w++) {
      const i = w * S + s;
      out[i] = ((work[i] as number) + CREDIBILITY_CONTACTS * slotAht) / ((volume[i] as number) + CREDIBILITY_CONTACTS);
    }
  }
  return out;
}
