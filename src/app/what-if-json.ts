import type { WhatIfResult } from '../what-if/types.js';

/** A what-if result's JSON form: per-interval columns as plain arrays, NaN (unmet) as null. */
export type WhatIfResultJson = Omit<WhatIfResult, 'scenarios'> & {
  scenarios: (Omit<WhatIfResult['scenarios'][number], 'queues'> & {
    queues: (Omit<WhatIfResult['scenarios'][number]['queues'][number], 'headcount' | 'roster'> & {
      headcount?: (number | null)[];
      roster?: Omit<
        NonNullable<WhatIfResult['scenarios'][number]['queues'][number]['roster']>,
        'serviceLevelByInterval'
      > & {
        serviceLevelByInterval?: number[];
      };
    })[];
  })[];
};

function column(values: Float64Array): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/**
 * The JSON form of a result (what `POST /v1/what-if` and `wfm what-if` write): typed-array
 * columns become arrays, NaN becomes null. O(scenarios x intervals).
 */
export function whatIfJson(result: WhatIfResult): WhatIfResultJson {
  return {
    ...result,
    scenarios: result.scenarios.map((s) => ({
      ...s,
      queues: s.queues.map((q) => {
        const { headcount, roster, ...rest } = q;
        const json: WhatIfResultJson['scenarios'][number]['queues'][number] = { ...rest };
        if (headcount) json.headcount = column(headcount);
        if (roster) {
          const { serviceLevelByInterval, ...r } = roster;
          json.roster = serviceLevelByInterval
            ? { ...r, serviceLevelByInterval: column(serviceLevelByInterval) as number[] }
            : r;
        }
        return json;
      }),
    })),
  };
}
