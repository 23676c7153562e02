import { WfmError } from '../errors.js';

/**
 * Admission for synchronous work measured in units (a what-if's scenario-intervals): at most
 * `capacity` units reserved at once; one reservation more is refused with 429 before any work.
 * Each reservation is released exactly once, however the request ends.
 */
export class WorkGate {
  #inFlight = 0;

  constructor(
    readonly capacity: number,
    readonly what: string,
  ) {}

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Throws 429 when nothing more fits (the check made before a body is read). */
  assertOpen(): void {
    if (this.#inFlight >= this.capacity) throw this.#full(1);
  }

  /** Reserves `units`, or throws 429; returns the (idempotent) release. */
  reserve(units: number): () => void {
    if (this.#inFlight + units > this.capacity) throw this.#full(units);
    this.#inFlight += units;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#inFlight -= units;
    };
  }

  #full(units: number): WfmError {
    return new WfmError(
      'WFM_ERR_API_QUEUE_FULL',
      `Too much ${this.what} in progress (${this.#inFlight} of ${this.capacity} in flight, this needs ${units}); ` +
        'try again later.',
      { issues: [{ path: [], message: `at most ${this.capacity} ${this.what} in flight` }] },
    );
  }
}
