import type { RosterState } from './state.js';

/**
 * Late acceptance's memory (Burke & Bykov 2017): the hard and soft score of the last `length`
 * iterations; a move is taken when no worse than the score `length` iterations ago.
 */
export class AcceptanceHistory {
  private readonly hard: Float64Array;
  private readonly soft: Float64Array;

  constructor(readonly length: number) {
    this.hard = new Float64Array(length);
    this.soft = new Float64Array(length);
  }

  /** Fills the history from the state, a little above its soft score, so the search can leave a local optimum. */
  reset(state: RosterState): void {
    this.hard.fill(state.hard);
    this.soft.fill(state.soft + 0.02 * Math.abs(state.soft) + 1);
  }

  /** The cost a move at this slot must not exceed, under the state's current hard weight. */
  threshold(slot: number, hardMultiplier: number): number {
    return hardMultiplier * this.hard[slot]! + this.soft[slot]!;
  }

  record(slot: number, state: RosterState): void {
    this.hard[slot] = state.hard;
    this.soft[slot] = state.soft;
  }
}
