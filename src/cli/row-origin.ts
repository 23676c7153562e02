/** Where a request row came from, for messages: a CSV file's line numbers, or none (JSON). */
export interface RowOrigin {
  what: string;
  csvLines?: readonly number[];
  /** A CSV with a `queue` column: each row's queue (several queues: `wfm staff` staffs them together). */
  queueOfRow?: readonly string[];
}
