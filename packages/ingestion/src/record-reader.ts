/**
 * Turns decoded text of one format into records: `push` is called with each
 * chunk of text (any split, even inside a character pair or a line) and
 * appends the records it completes to `out`; `end` flushes the last one.
 * Synchronous: a chunk costs one call, not one promise per record.
 */
export interface RecordReader<Item> {
  /** Reads the next chunk of text, appending completed records to `out`. */
  push(text: string, out: Item[]): void;
  /** The stream ended: appends the records still pending to `out`. */
  end(out: Item[]): void;
}
