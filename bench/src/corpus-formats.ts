import type { CorpusRecord } from "./corpus-model.js";

/** The three corpus formats. */
export const CORPUS_FORMATS = ["text", "json", "csv"] as const;
/** One corpus format. */
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** File extension of each format (the CLI picks the format from it). */
export const EXTENSION_BY_FORMAT: Readonly<Record<CorpusFormat, string>> = {
  text: "log",
  json: "jsonl",
  csv: "csv",
};

/** The CSV header row (without the newline). */
export const CSV_HEADER = "timestamp,level,service,message,duration_ms,error_code,request_id";

/**
 * One record in the SPEC standard text layout, newline included:
 * `2025-02-07T10:15:30.123Z ERROR [api-server] message duration_ms=523 error_code=DB_TIMEOUT request_id=req-42`.
 * Malformed slots: a garbage line, an impossible timestamp, an unknown level.
 */
export function formatTextLine(record: CorpusRecord): string {
  if (record.malformed === 0) return `%%% corrupted write ${record.timestamp.slice(11)} %%%\n`;
  const timestamp = record.malformed === 1 ? "2025-02-31T27:61:00.000Z" : record.timestamp;
  const level = record.malformed === 2 ? "LOUD" : record.level;
  let line = `${timestamp} ${level} [${record.service}] ${record.message}`;
  if (record.durationMs !== null) line += ` duration_ms=${record.durationMs}`;
  if (record.errorCode !== null) line += ` error_code=${record.errorCode}`;
  if (record.requestId !== null) line += ` request_id=${record.requestId}`;
  return `${line}\n`;
}

/**
 * One record as a JSON Lines object, newline included; absent optional
 * fields are left out. Malformed slots: a truncated object, a value that is
 * not an object, an impossible timestamp.
 */
export function formatJsonLine(record: CorpusRecord): string {
  if (record.malformed === 1) return `[${JSON.stringify(record.service)}]\n`;
  let line = `{"timestamp":"${record.malformed === 2 ? "not a date" : record.timestamp}","level":"${record.level}","service":"${record.service}","message":${JSON.stringify(record.message)}`;
  if (record.durationMs !== null) line += `,"duration_ms":${record.durationMs}`;
  if (record.errorCode !== null) line += `,"error_code":"${record.errorCode}"`;
  if (record.requestId !== null) line += `,"request_id":"${record.requestId}"`;
  if (record.malformed === 0) return `${line.slice(0, Math.floor(line.length / 2))}\n`;
  return `${line}}\n`;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One record as a CSV row under `CSV_HEADER`, newline included; absent
 * optional fields are empty cells. Malformed slots: a row with too few
 * fields, an impossible timestamp, an unknown level.
 */
export function formatCsvRow(record: CorpusRecord): string {
  if (record.malformed === 0) return `${record.timestamp},corrupted\n`;
  const timestamp = record.malformed === 1 ? "2025-02-31T27:61:00.000Z" : record.timestamp;
  const level = record.malformed === 2 ? "LOUD" : record.level;
  return `${timestamp},${level},${record.service},${csvField(record.message)},${record.durationMs ?? ""},${record.errorCode ?? ""},${record.requestId ?? ""}\n`;
}

/** The formatter of each format. */
export const FORMATTERS: Readonly<Record<CorpusFormat, (record: CorpusRecord) => string>> = {
  text: formatTextLine,
  json: formatJsonLine,
  csv: formatCsvRow,
};
