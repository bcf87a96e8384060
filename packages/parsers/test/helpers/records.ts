import type { CsvRawRecord, JsonRawRecord, TextRawRecord } from "@logfeat/schema";

/** A text RawRecord for tests. */
export function textRecord(payload: string, line = 1, source = "test.log"): TextRawRecord {
  return { source, line, format: "text", payload };
}

/** A JSON RawRecord for tests. */
export function jsonRecord(
  payload: Record<string, unknown>,
  line = 1,
  source = "test.jsonl",
): JsonRawRecord {
  return { source, line, format: "json", payload };
}

/** A CSV RawRecord for tests. */
export function csvRecord(
  payload: Record<string, string>,
  line = 2,
  source = "test.csv",
): CsvRawRecord {
  return { source, line, format: "csv", payload };
}

/** The lines of a file's text as records (split on \r?\n, a final empty line dropped). */
export function textRecords(text: string, source: string): TextRawRecord[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines.map((payload, index) => textRecord(payload, index + 1, source));
}
