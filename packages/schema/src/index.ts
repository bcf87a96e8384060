export type { Baseline, FeatureStatistics, FeatureStatisticsByName } from "./baseline.js";
export {
  BaselineSchema,
  FeatureStatisticsByNameSchema,
  FeatureStatisticsSchema,
} from "./baseline.js";
export { detachString } from "./detach-string.js";
export type {
  BatchAccounting,
  BatchResult,
  Diagnostic,
  Stage,
} from "./diagnostic.js";
export {
  BatchAccountingSchema,
  batchResultSchema,
  DIAGNOSTIC_VALUE_MAX_LENGTH,
  DiagnosticSchema,
  STAGES,
  StageSchema,
} from "./diagnostic.js";
export type { DiagnosticCollectorOptions } from "./diagnostic-collector.js";
export {
  DEFAULT_MAX_DIAGNOSTICS,
  DiagnosticCollector,
  diagnosticValue,
  emptyAccounting,
  mergeAccounting,
} from "./diagnostic-collector.js";
export type { LogfeatErrorOptions } from "./errors.js";
export {
  AggregationError,
  ConfigError,
  describeValue,
  LogfeatError,
  SchemaValidationError,
} from "./errors.js";
export type {
  FeatureMetadata,
  FeatureName,
  FeatureVector,
  FeatureVectorJson,
} from "./feature-vector.js";
export {
  decodeFeatureVector,
  encodeFeatureVector,
  FEATURE_CSV_COLUMNS,
  FEATURE_NAMES,
  FeatureMetadataSchema,
  FeatureNameSchema,
  FeatureVectorCodec,
  FeatureVectorJsonSchema,
  FeatureVectorSchema,
} from "./feature-vector.js";
export type { EpochMillis } from "./instant.js";
export {
  daysInMonth,
  EpochMillisSchema,
  formatInstant,
  IsoInstantCodec,
  MAX_INSTANT,
  MIN_INSTANT,
  parseInstant,
  toEpochMillis,
} from "./instant.js";
export type { Ledger } from "./ledger.js";
export { LedgerSchema } from "./ledger.js";
export type { LogEntry, LogEntryMetadata } from "./log-entry.js";
export { LogEntryMetadataSchema, LogEntrySchema, ServiceNameSchema } from "./log-entry.js";
export type { LevelScheme } from "./log-level.js";
export {
  LEVEL_SCHEMES,
  LevelSchemeSchema,
  LOG_LEVELS,
  LogLevel,
  LogLevelSchema,
} from "./log-level.js";
export type { ParsedLog } from "./parsed-log.js";
export { ParsedLogSchema } from "./parsed-log.js";
export type {
  CsvRawRecord,
  JsonRawRecord,
  RawRecord,
  RecordFormat,
  TextRawRecord,
} from "./raw-record.js";
export {
  CsvRawRecordSchema,
  JsonRawRecordSchema,
  RawRecordSchema,
  RECORD_FORMATS,
  RecordFormatSchema,
  TextRawRecordSchema,
} from "./raw-record.js";
export { isRegexWhitespace } from "./whitespace.js";
export type { AggregatedLogWindow, LevelCounts, WindowSummary } from "./window.js";
export {
  AggregatedLogWindowSchema,
  LevelCountsSchema,
  MAX_WINDOW_SIZE_SECONDS,
  WindowSizeSecondsSchema,
  WindowSummarySchema,
} from "./window.js";
