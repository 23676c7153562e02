/**
 * Replication results packed into one Float64Array for the trip back from a worker thread: one
 * buffer moved instead of eleven typed arrays per replication cloned, then unpacked as views (no
 * copy) on the caller's side.
 */
import type { ReplicationResult } from '../simulation/types.js';

const QUEUE_FIELDS = [
  'offered',
  'answered',
  'abandoned',
  'answeredWithin',
  'abandonedWithin',
  'waitSecondsAnswered',
  'waitSecondsAbandoned',
  'waitingAtEnd',
] as const;
const GROUP_FIELDS = ['busySeconds', 'idleSeconds'] as const;

export interface PackedReplications {
  intervals: number;
  queues: number;
  groups: number;
  replication: number[];
  seed: number[];
  contacts: number[];
  /** Per replication: the queue fields, then the group fields, in the order above. */
  data: Float64Array;
}

function stride(intervals: number, queues: number, groups: number): number {
  return intervals * (queues * QUEUE_FIELDS.length + groups * GROUP_FIELDS.length);
}

/** Packs results of one model (same shape); O(total size). */
export function packReplications(results: readonly ReplicationResult[]): PackedReplications {
  const first = results[0];
  const I = first?.intervals ?? 0;
  const Q = first?.queues ?? 0;
  const G = first?.groups ?? 0;
  const data = new Float64Array(results.length * stride(I, Q, G));
  let at = 0;
  for (const r of results) {
    for (const key of [...QUEUE_FIELDS, ...GROUP_FIELDS]) {
      data.set(r[key], at);
      at += r[key].length;
    }
  }
  return {
    intervals: I,
    queues: Q,
    groups: G,
    replication: results.map((r) => r.replication),
    seed: results.map((r) => r.seed),
    contacts: results.map((r) => r.contacts),
    data,
  };
}

/** The results back, each field a view into `packed.data`. */
export function unpackReplications(packed: PackedReplications): ReplicationResult[] {
  const { intervals: I, queues: Q, groups: G, data } = packed;
  const out: ReplicationResult[] = [];
  let at = 0;
  const take = (n: number): Float64Array => {
    const view = data.subarray(at, at + n);
    at += n;
    return view;
  };
  packed.replication.forEach((replication, k) => {
    const q = Object.fromEntries(QUEUE_FIELDS.map((key) => [key, take(Q * I)])) as Record<
      (typeof QUEUE_FIELDS)[number],
      Float64Array
    >;
    const g = Object.fromEntries(GROUP_FIELDS.map((key) => [key, take(G * I)])) as Record<
      (typeof GROUP_FIELDS)[number],
      Float64Array
    >;
    out.push({
      replication,
      seed: packed.seed[k] as number,
      intervals: I,
      queues: Q,
      groups: G,
      ...q,
      ...g,
      contacts: packed.contacts[k] as number,
    });
  });
  return out;
}
