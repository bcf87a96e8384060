/** The ParsedLog fields that are found through alias lists (SPEC section 3). */
export const ALIASED_FIELDS = [
  "timestamp",
  "level",
  "service",
  "message",
  "duration",
  "error_code",
  "request_id",
] as const;

/** One of the ParsedLog fields found through aliases. */
export type AliasedField = (typeof ALIASED_FIELDS)[number];

/**
 * Per-field alias lists that replace the defaults, e.g.
 * `{ timestamp: ["ts"], service: ["app", "kubernetes.container"] }`. Names are
 * matched case-insensitively; dotted names also reach nested JSON objects. A
 * field not named keeps its default list.
 */
export type FieldMap = Partial<Record<AliasedField, readonly string[]>>;

/** A complete alias table: every aliased field with its names, in priority order. */
export type AliasTable = Readonly<Record<AliasedField, readonly string[]>>;

/**
 * The JSON/CSV/logfmt field aliases of SPEC section 3, in priority order (the
 * first alias present with a usable value wins). Matching is case-insensitive.
 */
export const FIELD_ALIASES: AliasTable = {
  timestamp: ["timestamp", "@timestamp", "time", "ts", "datetime", "date", "t"],
  level: ["level", "severity", "lvl", "log.level", "loglevel", "severity_text", "SeverityText"],
  service: [
    "service",
    "service.name",
    "app",
    "application",
    "component",
    "logger",
    "source",
    "resource.service.name",
  ],
  message: ["message", "msg", "log", "text", "body", "event"],
  duration: [
    "duration_ms",
    "latency_ms",
    "elapsed_ms",
    "response_time_ms",
    "duration",
    "latency",
    "elapsed",
    "response_time",
    "event.duration",
  ],
  error_code: ["error_code", "errorCode", "error.code", "code", "err_code"],
  request_id: ["request_id", "requestId", "req_id", "trace_id", "traceId", "correlation_id"],
};

/**
 * Names added to the default lists for text lines only: `took=` is a duration
 * in a trailing key=value pair (SPEC's text list), and a template field named
 * `<Content>` (loghub's name) is the message. A `fieldMap` entry for the field
 * replaces these too.
 */
export const TEXT_ONLY_ALIASES: Readonly<Partial<Record<AliasedField, readonly string[]>>> = {
  duration: ["took"],
  message: ["content"],
};

/**
 * Fields holding an OpenTelemetry severity number (1-24). Used for `level`
 * only when no level alias is present; the level then carries
 * `level_scheme: "otel"`. Case-insensitive (`SeverityNumber` matches).
 */
export const OTEL_SEVERITY_NUMBER_ALIASES: readonly string[] = [
  "severity_number",
  "severitynumber",
];

/** The fields whose values trailing key=value pairs of a text message can supply. */
export const TRAILING_PAIR_FIELDS = ["duration", "error_code", "request_id"] as const;

/** The default alias table with `fieldMap`'s lists in place of the defaults it names. */
export function resolveAliasTable(fieldMap: FieldMap | undefined): AliasTable {
  if (fieldMap === undefined) return FIELD_ALIASES;
  const table = { ...FIELD_ALIASES };
  for (const field of ALIASED_FIELDS) {
    const names = fieldMap[field];
    if (names !== undefined) table[field] = names;
  }
  return table;
}

/** The alias table for text lines: the resolved table plus `TEXT_ONLY_ALIASES` where not overridden. */
export function resolveTextAliasTable(fieldMap: FieldMap | undefined): AliasTable {
  const table = { ...resolveAliasTable(fieldMap) };
  for (const field of ALIASED_FIELDS) {
    const added = TEXT_ONLY_ALIASES[field];
    if (added !== undefined && fieldMap?.[field] === undefined)
      table[field] = [...table[field], ...added];
  }
  return table;
}
