export interface PatienceFit {
  /** Mean patience (exponential), seconds; undefined when nobody abandoned (infinitely patient). */
  patienceSeconds: number | undefined;
  abandoned: number;
  /** Seconds of waiting observed in all (the exposure). */
  exposureSeconds: number;
}

/**
 * Exponential patience from waits with right censoring: an abandoned contact's wait is its
 * patience; a served contact's wait is a lower bound of its patience (censored). The MLE of the
 * abandonment rate is theta = abandoned / (sum of all waits), so the mean patience is
 * sum of all waits / abandoned (Brown et al. 2005, JASA 100(469), section 6; the same estimator as
 * an exponential survival model). O(n). Example: abandons after 10 and 30 s, served after 60 s:
 * patience (10 + 30 + 60) / 2 = 50 s.
 */
export function fitPatience(abandonedWaits: ArrayLike<number>, servedWaits: ArrayLike<number>): PatienceFit {
  let exposure = 0;
  for (let k = 0; k < abandonedWaits.length; k++) exposure += Math.max(0, abandonedWaits[k] as number);
  for (let k = 0; k < servedWaits.length; k++) exposure += Math.max(0, servedWaits[k] as number);
  const abandoned = abandonedWaits.length;
  return {
    patienceSeconds: abandoned > 0 ? exposure / abandoned : undefined,
    abandoned,
    exposureSeconds: exposure,
  };
}
