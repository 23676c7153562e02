import type { Scenario, ScenarioChanges } from './types.js';

/** A sweep: for each key, the values to try; the scenarios are every combination. */
export type Sweep = { [K in keyof ScenarioChanges]?: NonNullable<ScenarioChanges[K]>[] };

/** Sweep keys in the order they nest (the last varies fastest). */
export const SWEEP_KEYS = [
  'model',
  'serviceLevel',
  'answerSeconds',
  'maxOccupancy',
  'shrinkage',
  'ahtFactor',
  'volumeFactor',
] as const;

/** Number of scenarios a sweep expands to (the product of its lengths; 0 for an empty sweep). */
export function sweepSize(sweep: Sweep | undefined): number {
  if (!sweep) return 0;
  let n = 1;
  let any = false;
  for (const key of SWEEP_KEYS) {
    const values = sweep[key];
    if (values === undefined) continue;
    any = true;
    n *= values.length;
  }
  return any ? n : 0;
}

/** A short readable name: "volume x1.15, AHT x1.05, SL 90%/20s, shrinkage 30%, erlang-a". */
export function describeChanges(changes: ScenarioChanges): string {
  const parts: string[] = [];
  const pct = (x: number): string => `${+(x * 100).toFixed(2)}%`;
  if (changes.volumeFactor !== undefined) parts.push(`volume x${+changes.volumeFactor.toFixed(4)}`);
  if (changes.ahtFactor !== undefined) parts.push(`AHT x${+changes.ahtFactor.toFixed(4)}`);
  if (changes.serviceLevel !== undefined || changes.answerSeconds !== undefined) {
    parts.push(
      `SL ${changes.serviceLevel === undefined ? 'base' : pct(changes.serviceLevel)}` +
        `/${changes.answerSeconds ?? 'base '}s`,
    );
  }
  if (changes.shrinkage !== undefined) parts.push(`shrinkage ${pct(changes.shrinkage)}`);
  if (changes.maxOccupancy !== undefined) parts.push(`occupancy <= ${pct(changes.maxOccupancy)}`);
  if (changes.model !== undefined) parts.push(changes.model);
  return parts.length === 0 ? 'base' : parts.join(', ');
}

/**
 * The scenarios of a request: the explicit list first (in order), then every combination of the
 * sweep; with neither, the base alone. Names default to `describeChanges`. O(scenarios).
 *
 * @example expandScenarios([], { volumeFactor: [1, 1.1], shrinkage: [0.3] }).length // 2
 */
export function expandScenarios(
  list: readonly (ScenarioChanges & { name?: string | undefined })[],
  sweep: Sweep | undefined,
): Scenario[] {
  const out: Scenario[] = list.map((s) => ({ ...clean(s), name: s.name ?? describeChanges(clean(s)) }));
  if (sweepSize(sweep) > 0 && sweep) {
    const keys = SWEEP_KEYS.filter((k) => sweep[k] !== undefined);
    const combo: ScenarioChanges = {};
    const walk = (depth: number): void => {
      if (depth === keys.length) {
        const changes = { ...combo };
        out.push({ ...changes, name: describeChanges(changes) });
        return;
      }
      const key = keys[depth] as (typeof SWEEP_KEYS)[number];
      for (const value of sweep[key] as unknown[]) {
        (combo as Record<string, unknown>)[key] = value;
        walk(depth + 1);
      }
    };
    walk(0);
  }
  if (out.length === 0) out.push({ name: 'base' });
  return out;
}

function clean(s: ScenarioChanges & { name?: string | undefined }): ScenarioChanges {
  const out: ScenarioChanges = {};
  for (const key of SWEEP_KEYS) {
    if (s[key] !== undefined) (out as Record<string, unknown>)[key] = s[key];
  }
  return out;
}
