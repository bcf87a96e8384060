import { type RawRecord, RECORD_FORMATS, type RecordFormat } from "@logfeat/schema";

/**
 * Stream entry fields of a batch: its 0-based number in the job (`seq`,
 * which orders the partials like the input), the record count and the
 * records (JSON).
 */
export const BATCH_FIELDS = { seq: "seq", count: "count", records: "records" } as const;

/**
 * Splits a chunk of raw records into runs of one source and one format (a
 * chunk of one input is usually one run), so each batch names them once.
 */
export function splitBySourceAndFormat(records: readonly RawRecord[]): RawRecord[][] {
  const runs: RawRecord[][] = [];
  let run: RawRecord[] = [];
  for (const record of records) {
    const first = run[0];
    if (first !== undefined && (first.source !== record.source || first.format !== record.format)) {
      runs.push(run);
      run = [];
    }
    run.push(record);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The JSON of a batch of one source and format:
 * `{"source":"app.log","format":"text","records":[[line,payload],...]}`.
 */
export function encodeBatch(records: readonly RawRecord[]): string {
  const first = records[0];
  return JSON.stringify({
    source: first?.source ?? "",
    format: first?.format ?? "text",
    records: records.map((record) => [record.line, record.payload]),
  });
}

/**
 * The raw records of a batch's JSON, or the reason it is not a batch. Only
 * the envelope is checked here (source, format, positive integer lines); a
 * payload of the wrong type is the parser's `malformed_record`.
 */
export function decodeBatch(text: string): RawRecord[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "the records are not JSON";
  }
  if (typeof value !== "object" || value === null) return "the batch is not a JSON object";
  const { source, format, records } = value as Record<string, unknown>;
  if (typeof source !== "string") return "the batch has no source name";
  if (!(RECORD_FORMATS as readonly unknown[]).includes(format))
    return `the batch format ${JSON.stringify(format)} is not one of ${RECORD_FORMATS.join(", ")}`;
  if (!Array.isArray(records)) return "the batch has no list of records";
  const decoded: RawRecord[] = new Array(records.length);
  for (let index = 0; index < records.length; index += 1) {
    const item: unknown = records[index];
    if (!Array.isArray(item) || item.length !== 2) return `record ${index} is not [line, payload]`;
    const line: unknown = item[0];
    if (typeof line !== "number" || !Number.isInteger(line) || line < 1)
      return `record ${index} has no positive line number`;
    decoded[index] = {
      source,
      line,
      format: format as RecordFormat,
      payload: item[1],
    } as RawRecord;
  }
  return decoded;
}
