import type { BatchResult, ParsedLog, RawRecord } from "@logfeat/schema";
import type { ParserOptions } from "./options.js";
import { createParser } from "./parser.js";

/**
 * Parses one record with a fresh parser (no layout memory between calls):
 * a ParsedLog, or null after reporting a diagnostic to `options.onDiagnostic`.
 * Throws only ConfigError for bad options. For many records use `parseLogs`
 * or `createParser`, which validate the options once.
 */
export function parseLog(raw: RawRecord, options?: ParserOptions): ParsedLog | null {
  return createParser(options).parse(raw);
}

/**
 * Parses a batch of records with one parser (layouts remembered per source):
 * `{ parsed, skipped, skippedByCode, notedByCode, diagnostics, diagnosticsOmitted }`,
 * where `parsed.length + skipped === raws.length`.
 */
export function parseLogs(
  raws: readonly RawRecord[],
  options?: ParserOptions,
): BatchResult<"parsed", ParsedLog> {
  return createParser(options).parseBatch(raws);
}
