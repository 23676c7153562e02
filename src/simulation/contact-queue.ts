/**
 * The contacts waiting in one queue, oldest first: a ring buffer of (arrival time, patience
 * deadline, base handle time) on typed arrays, growing by doubling. No object per contact.
 */
export class ContactQueue {
  arrival: Float64Array;
  deadline: Float64Array;
  work: Float64Array;
  head = 0;
  size = 0;

  constructor(capacity = 64) {
    this.arrival = new Float64Array(capacity);
    this.deadline = new Float64Array(capacity);
    this.work = new Float64Array(capacity);
  }

  push(arrivalSeconds: number, deadlineSeconds: number, workSeconds: number): void {
    if (this.size === this.arrival.length) this.grow();
    const mask = this.arrival.length - 1;
    const i = (this.head + this.size) & mask;
    this.arrival[i] = arrivalSeconds;
    this.deadline[i] = deadlineSeconds;
    this.work[i] = workSeconds;
    this.size++;
  }

  /** Drops the oldest contact (the caller has read its fields at `head`). */
  shift(): void {
    this.head = (this.head + 1) & (this.arrival.length - 1);
    this.size--;
  }

  /** Slot of the k-th oldest contact (0 = oldest). */
  slot(k: number): number {
    return (this.head + k) & (this.arrival.length - 1);
  }

  private grow(): void {
    const n = this.arrival.length;
    const arrival = new Float64Array(n * 2);
    const deadline = new Float64Array(n * 2);
    const work = new Float64Array(n * 2);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & (n - 1);
      arrival[k] = this.arrival[i] as number;
      deadline[k] = this.deadline[i] as number;
      work[k] = this.work[i] as number;
    }
    this.arrival = arrival;
    this.deadline = deadline;
    this.work = work;
    this.head = 0;
  }
}
