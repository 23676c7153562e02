/**
 * Tolerances and search caps of the staffing core. One place, so that the solver, the evaluator
 * and the tests compare boundaries the same way.
 */

/**
 * Absolute tolerance for comparing a metric with its target (rates, seconds, agent counts):
 * 10.5 / 0.7 = 15.000000000000002 must count as 15 agents, and SL 0.8 - 1e-15 as 80 %.
 */
export const EPS = 1e-9;

/** A solver gives up (met: false) after this many agents beyond its starting point. */
export const MAX_EXTRA_AGENTS = 200_000;

/** States of a birth-death chain beyond which the chain is declared numerically unusable. */
export const MAX_CHAIN_STATES = 2_000_000;
