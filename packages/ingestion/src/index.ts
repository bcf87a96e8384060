export type { ByteRange } from "./byte-range.js";
export type { CsvHeaderOption } from "./csv-header-option.js";
export type { IngestionDiagnosticCode } from "./diagnostic-codes.js";
export { INGESTION_DIAGNOSTICS } from "./diagnostic-codes.js";
export { FORMAT_BY_EXTENSION, formatFromName, sniffFormat } from "./format-detection.js";
export { ingestLogs } from "./ingest-logs.js";
export type { JsonLineParserOptions } from "./json-line-parser.js";
export { JsonLineParser } from "./json-line-parser.js";
export type { LogInput } from "./log-input.js";
export { LogSourceError } from "./log-source-error.js";
export type {
  CsvSourceOptions,
  IngestOptions,
  JsonSourceOptions,
  LogFormat,
  SourceOptions,
  TextSourceOptions,
} from "./options.js";
export { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_RECORD_BYTES, LOG_FORMATS } from "./options.js";
export type { FilePlan, PartOptions, PlanOptions } from "./plan-byte-ranges.js";
export { DEFAULT_MIN_PART_BYTES, planByteRanges } from "./plan-byte-ranges.js";
export type { LogSource } from "./streaming-log-source.js";
export { CSVLogSource, JSONLogSource, TextLogSource } from "./typed-log-sources.js";
