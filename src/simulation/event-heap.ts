/**
 * A binary min-heap of (time, id) events on parallel typed arrays: no object per event. Ties in
 * time pop in no particular order (the simulation's times are continuous, so ties have
 * probability zero). push and pop are O(log n); the capacity grows by doubling.
 */
export class EventHeap {
  private times: Float64Array;
  private ids: Int32Array;
  size = 0;
  /** The time of the event last popped. */
  time = 0;

  constructor(capacity: number) {
    const c = Math.max(4, capacity);
    this.times = new Float64Array(c);
    this.ids = new Int32Array(c);
  }

  /** The earliest time in the heap; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? (this.times[0] as number) : Infinity;
  }

  push(time: number, id: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt <= time) break;
      times[i] = pt;
      ids[i] = ids[parent] as number;
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Removes the earliest event, sets `time` to its time and returns its id (-1 when empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const times = this.times;
    const ids = this.ids;
    const top = ids[0] as number;
    this.time = times[0] as number;
    const n = --this.size;
    if (n > 0) {
      const t = times[n] as number;
      const id = ids[n] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n && (times[right] as number) < (times[child] as number)) child = right;
        const ct = times[child] as number;
        if (ct >= t) break;
        times[i] = ct;
        ids[i] = ids[child] as number;
        i = child;
      }
      times[i] = t;
      ids[i] = id;
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    times.set(this.times);
    ids.set(this.ids);
    this.times = times;
    this.ids = ids;
  }
}
