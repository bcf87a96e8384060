import type { JsonRawRecord } from "@logfeat/schema";
import type { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import { exceedsBytes, RECORD_HEAD_LENGTH, tooLargeMessage } from "./record-size.js";

/** What the JSON readers share: where records go and how they are checked. */
export interface JsonReaderSettings {
  source: string;
  maxRecordBytes: number;
  diagnostics: IngestionDiagnostics;
  /** JSON Lines lines are handed on unparsed, as text records (see `deferJsonParsing`). */
  deferParsing?: boolean;
}

/**
 * Parses one JSON value (a JSON Lines line or an array element) starting at
 * `line` and appends it to `out` when it is an object; otherwise reports
 * `record_too_large`, `invalid_json` or `not_an_object`.
 */
export function readJsonValue(
  text: string,
  line: number,
  settings: JsonReaderSettings,
  out: JsonRawRecord[],
): void {
  if (exceedsBytes(text, settings.maxRecordBytes)) {
    reportJsonTooLarge(text, line, settings);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    settings.diagnostics.report(
      "invalid_json",
      line,
      `Invalid JSON at line ${line}: ${(error as Error).message}`,
      text.trim(),
    );
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    settings.diagnostics.report(
      "not_an_object",
      line,
      `JSON value at line ${line} is ${value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`}, expected an object`,
      text.trim(),
    );
    return;
  }
  out.push({
    source: settings.source,
    line,
    format: "json",
    payload: value as Record<string, unknown>,
  });
}

/** Reports a JSON value over `maxRecordBytes`; `head` is its beginning. */
export function reportJsonTooLarge(head: string, line: number, settings: JsonReaderSettings): void {
  settings.diagnostics.report(
    "record_too_large",
    line,
    tooLargeMessage("JSON value", line, settings.maxRecordBytes),
    head.slice(0, RECORD_HEAD_LENGTH),
  );
}
