/**
 * A planner's override of a forecast, kept apart from the model's numbers:
 * - `scale`: volume x factor on `[fromMs, toMs)` (1.2 = +20 %);
 * - `set`: volume replaced on `[fromMs, toMs)`;
 * - `holiday`: every interval starting on that local day x factor (0 = closed, the default).
 */
export type ForecastOverride =
  | { id: string; kind: 'scale'; fromMs: number; toMs: number; factor: number; note: string }
  | { id: string; kind: 'set'; fromMs: number; toMs: number; volume: number; note: string }
  | { id: string; kind: 'holiday'; day: string; factor: number; note: string };

export interface ModelInterval {
  startMs: number;
  /** Local day of the start in the centre's zone, `YYYY-MM-DD`. */
  day: string;
  volume: number;
  ahtSeconds: number | null;
}

export interface EffectiveInterval extends ModelInterval {
  modelVolume: number;
  /** Ids of the overrides that changed this interval, in the order applied. */
  overrideIds: string[];
}

/**
 * The effective forecast: the model's intervals with the overrides applied in the order given
 * (creation order), so a later `set` wins over an earlier `scale` and a later `scale` multiplies
 * an earlier `set`. Pure; O(intervals x overrides). AHT is never overridden here.
 */
export function applyOverrides(
  intervals: readonly ModelInterval[],
  overrides: readonly ForecastOverride[],
): EffectiveInterval[] {
  return intervals.map((interval) => {
    let volume = interval.volume;
    const overrideIds: string[] = [];
    for (const o of overrides) {
      if (o.kind === 'holiday') {
        if (o.day !== interval.day) continue;
        volume *= o.factor;
      } else {
        if (interval.startMs < o.fromMs || interval.startMs >= o.toMs) continue;
        volume = o.kind === 'scale' ? volume * o.factor : o.volume;
      }
      overrideIds.push(o.id);
    }
    return { ...interval, modelVolume: interval.volume, volume, overrideIds };
  });
}
