import {
  type BatchResult,
  type Diagnostic,
  DiagnosticCollector,
  type DiagnosticCollectorOptions,
  diagnosticValue,
  type EpochMillis,
  type LogEntry,
  type LogEntryMetadata,
  type ParsedLog,
} from "@logfeat/schema";
import { BoundedCache } from "./bounded-cache.js";
import { NOTE_CODES, type NoteCode, SKIP_CODES, type SkipCode } from "./diagnostic-codes.js";
import { messageHash } from "./message-hash.js";
import { normalizeDuration } from "./normalize-duration.js";
import { normalizeErrorCode, normalizeRequestId } from "./normalize-identifiers.js";
import { AMBIGUOUS_LEVEL, canonicalLevel, classifyLevel, schemeOrNull } from "./normalize-level.js";
import { cleanMessage, truncateMessage } from "./normalize-message.js";
import { normalizeService } from "./normalize-service.js";
import { timestampInstant } from "./normalize-timestamp.js";
import { type NormalizerOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { type InternedTemplate, TemplateInterner } from "./template-interner.js";

/** Where the diagnostics of one record go: a DiagnosticCollector in a batch. */
interface DiagnosticSink {
  skip(diagnostic: Diagnostic): void;
  note(diagnostic: Diagnostic): void;
}

/** The result of `normalizeBatch` / `normalizeLogs`: the entries plus the batch accounting. */
export type NormalizeResult = BatchResult<"entries", LogEntry>;

/** A configured normalizer: options validated once, reused for every record. */
export interface Normalizer {
  /** The IANA zone naive timestamps are read in (canonical id, e.g. `"Europe/Berlin"`). */
  readonly timeZone: string;
  /** The instant year-less timestamps are placed against (epoch ms). */
  readonly referenceTime: EpochMillis;
  /**
   * One ParsedLog -> LogEntry, or null when a required field is missing or
   * invalid. Diagnostics go to `onDiagnostic`. Never throws on bad data.
   */
  normalize(parsed: ParsedLog): LogEntry | null;
  /**
   * Many ParsedLogs -> entries (input order) plus accounting: every input is
   * an entry or a skip (`entries.length + skipped === parsed.length`),
   * `skippedByCode` sums to `skipped`, notes (dropped optional fields,
   * defaults, truncation) are counted in `notedByCode`.
   */
  normalizeBatch(parsed: readonly ParsedLog[]): NormalizeResult;
}

/** Distinct services / templates remembered per normalizer before its cache starts over. */
const CACHE_CAPACITY = 10_000;

/**
 * A normalizer's options plus caches of pure results: a service name and a
 * template repeat across records, so each distinct one is sanitized / hashed
 * once and stored once (entries share the template string).
 */
interface NormalizerState {
  readonly options: ResolvedOptions;
  readonly services: BoundedCache<string | null>;
  readonly templates: TemplateInterner;
}

/** A value that counts as "no level": absent, null, or whitespace-only text (an empty CSV cell). */
function isAbsentLevel(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  // A printable ASCII first character is not whitespace: skip the trim.
  if (value.length !== 0) {
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return false;
  }
  return value.trim() === "";
}

function diagnostic(
  code: SkipCode | NoteCode,
  message: string,
  parsed: ParsedLog,
  field: string,
  value: unknown,
): Diagnostic {
  const line = parsed.line;
  const result: Diagnostic = {
    stage: "normalization",
    code,
    message,
    source: typeof parsed.source === "string" ? parsed.source : String(parsed.source),
    line: Number.isInteger(line) && line >= 1 ? line : null,
    field,
  };
  if (value !== undefined && value !== null) result.value = diagnosticValue(value);
  return result;
}

const SKIP_MESSAGES: { readonly [code in SkipCode]: string } = {
  missing_timestamp: "record has no timestamp",
  invalid_timestamp: "timestamp is not a recognised date-time within 1970..2100",
  missing_level: "record has no level and defaults.level is null",
  invalid_level: "level is not a recognised level name or number",
  ambiguous_numeric_level: "numeric level that no level scheme explains (set levelScheme)",
  missing_service: "record has no service (set defaults.service)",
  invalid_service: "service has no letter or digit (set defaults.service)",
  missing_message: "record has no message",
  invalid_message: "message is empty after removing control characters and trimming",
};

function skip(
  sink: DiagnosticSink,
  code: SkipCode,
  parsed: ParsedLog,
  field: string,
  value: unknown,
): null {
  sink.skip(diagnostic(code, SKIP_MESSAGES[code], parsed, field, value));
  return null;
}

/** Normalizes one record; diagnostics go to `sink`. */
function normalizeRecord(
  parsed: ParsedLog,
  state: NormalizerState,
  sink: DiagnosticSink,
): LogEntry | null {
  const options = state.options;
  const rawTimestamp = parsed.timestamp;
  if (rawTimestamp === undefined || rawTimestamp === null)
    return skip(sink, SKIP_CODES.missingTimestamp, parsed, "timestamp", undefined);
  const timestamp = timestampInstant(rawTimestamp, options.timestamps);
  if (timestamp === null)
    return skip(sink, SKIP_CODES.invalidTimestamp, parsed, "timestamp", rawTimestamp);

  const rawLevel = parsed.level;
  // A canonical name (the common case) needs neither the absent-level test
  // nor the record's level scheme hint (one property read less).
  let level = typeof rawLevel === "string" ? canonicalLevel(rawLevel) : undefined;
  // `metadata.level_original`: the shared constant when the level is canonical (no second comparison).
  let levelOriginal: string = level ?? "";
  let levelDefaulted = false;
  if (level === undefined) {
    levelDefaulted = isAbsentLevel(rawLevel);
    if (levelDefaulted) {
      if (options.defaultLevel === null)
        return skip(sink, SKIP_CODES.missingLevel, parsed, "level", rawLevel);
      level = options.defaultLevel;
    } else {
      const classified = classifyLevel(
        rawLevel,
        options.levelScheme ?? schemeOrNull(parsed.level_scheme),
      );
      if (classified === null)
        return skip(sink, SKIP_CODES.invalidLevel, parsed, "level", rawLevel);
      if (classified === AMBIGUOUS_LEVEL)
        return skip(sink, SKIP_CODES.ambiguousNumericLevel, parsed, "level", rawLevel);
      level = classified;
      levelOriginal =
        typeof rawLevel === "string" ? (rawLevel === level ? level : rawLevel) : String(rawLevel);
    }
  }

  const rawService = parsed.service;
  let service: string | null = null;
  if (typeof rawService === "string") service = state.services.get(rawService, normalizeService);
  const serviceDefaulted = service === null;
  if (service === null) {
    if (options.defaultService === null)
      return rawService === undefined || rawService === null
        ? skip(sink, SKIP_CODES.missingService, parsed, "service", undefined)
        : skip(sink, SKIP_CODES.invalidService, parsed, "service", rawService);
    service = options.defaultService;
  }

  const rawMessage = parsed.message;
  if (rawMessage === undefined || rawMessage === null)
    return skip(sink, SKIP_CODES.missingMessage, parsed, "message", undefined);
  // Fast path: a message short enough is its own cleaned message when
  // `internIfClean` finds nothing to trim at its ends and no control
  // character; otherwise (and for every other message) clean, cut and scan again.
  let message = "";
  let truncated = false;
  let interned: InternedTemplate | null = null;
  if (typeof rawMessage === "string" && rawMessage.length <= options.maxMessageLength) {
    message = rawMessage;
    interned = state.templates.internIfClean(rawMessage);
  }
  if (interned === null) {
    const cleaned = typeof rawMessage === "string" ? cleanMessage(rawMessage) : "";
    message = truncateMessage(cleaned, options.maxMessageLength);
    if (message === "") return skip(sink, SKIP_CODES.invalidMessage, parsed, "message", rawMessage);
    truncated = message !== cleaned;
    interned = state.templates.intern(message);
  }
  const hash = options.messageHash === "exact" ? messageHash(message) : interned.hash;
  const metadata: LogEntryMetadata = levelDefaulted
    ? { message_hash: hash, message_template: interned.template }
    : {
        message_hash: hash,
        message_template: interned.template,
        level_original: levelOriginal,
      };
  if (truncated) {
    metadata.truncated = true;
    sink.note(
      diagnostic(
        NOTE_CODES.messageTruncated,
        `message longer than ${options.maxMessageLength} characters; cut`,
        parsed,
        "message",
        undefined,
      ),
    );
  }
  if (levelDefaulted) {
    metadata.level_defaulted = true;
    sink.note(
      diagnostic(
        NOTE_CODES.levelDefaulted,
        `record has no level; read as ${level}`,
        parsed,
        "level",
        undefined,
      ),
    );
  }
  if (serviceDefaulted) {
    metadata.service_defaulted = true;
    sink.note(
      diagnostic(
        NOTE_CODES.serviceDefaulted,
        `service missing or invalid; set to "${service}"`,
        parsed,
        "service",
        rawService,
      ),
    );
  }
  if (options.keepExtra) metadata["extra"] = parsed.extra;

  let durationMs: number | null = null;
  const rawDuration = parsed.duration;
  if (rawDuration !== undefined && rawDuration !== null) {
    durationMs = normalizeDuration(rawDuration, parsed.duration_field);
    if (durationMs === null)
      sink.note(
        diagnostic(
          NOTE_CODES.invalidDuration,
          "duration is not a non-negative number or duration string; dropped",
          parsed,
          parsed.duration_field ?? "duration",
          rawDuration,
        ),
      );
  }
  let errorCode: string | null = null;
  const rawErrorCode = parsed.error_code;
  if (rawErrorCode !== undefined && rawErrorCode !== null) {
    errorCode = normalizeErrorCode(rawErrorCode);
    if (errorCode === null)
      sink.note(
        diagnostic(
          NOTE_CODES.invalidErrorCode,
          "error code is empty or longer than 128 characters; dropped",
          parsed,
          "error_code",
          rawErrorCode,
        ),
      );
  }
  let requestId: string | null = null;
  const rawRequestId = parsed.request_id;
  if (rawRequestId !== undefined && rawRequestId !== null) {
    requestId = normalizeRequestId(rawRequestId);
    if (requestId === null)
      sink.note(
        diagnostic(
          NOTE_CODES.invalidRequestId,
          "request id is empty or longer than 256 characters; dropped",
          parsed,
          "request_id",
          rawRequestId,
        ),
      );
  }

  return {
    timestamp,
    level,
    service,
    message,
    duration_ms: durationMs,
    error_code: errorCode,
    request_id: requestId,
    source: parsed.source,
    line: parsed.line,
    metadata,
  };
}

/**
 * Validates `options` once (ConfigError naming the option and value on a bad
 * one) and returns a Normalizer that applies them to every record. See
 * `NormalizerOptions` for the options and their defaults.
 */
export function createNormalizer(options?: NormalizerOptions): Normalizer {
  const resolved = resolveOptions(options);
  const state: NormalizerState = {
    options: resolved,
    services: new BoundedCache(CACHE_CAPACITY),
    templates: new TemplateInterner(CACHE_CAPACITY),
  };
  const onDiagnostic = resolved.onDiagnostic;
  const singleSink: DiagnosticSink = {
    skip: (item) => onDiagnostic?.(item),
    note: (item) => onDiagnostic?.(item),
  };
  const collectorOptions: DiagnosticCollectorOptions = {};
  if (resolved.maxDiagnostics !== undefined)
    collectorOptions.maxDiagnostics = resolved.maxDiagnostics;
  if (onDiagnostic !== undefined) collectorOptions.onDiagnostic = onDiagnostic;
  return {
    timeZone: resolved.timestamps.zone.timeZone,
    referenceTime: resolved.timestamps.referenceTime,
    normalize: (parsed) => normalizeRecord(parsed, state, singleSink),
    normalizeBatch(parsed) {
      const collector = new DiagnosticCollector(collectorOptions);
      const entries: LogEntry[] = [];
      for (const record of parsed) {
        const entry = normalizeRecord(record, state, collector);
        if (entry !== null) entries.push(entry);
      }
      return { entries, ...collector.toAccounting() };
    },
  };
}

const normalizersByOptions = new WeakMap<NormalizerOptions, Normalizer>();

/**
 * One ParsedLog -> LogEntry, or null (+ a diagnostic to `options.onDiagnostic`).
 * The normalizer for an options object is created once and reused (cached
 * per object), so passing the same options object to many calls is cheap;
 * without options, `referenceTime` is the time of the call.
 */
export function normalizeLog(parsed: ParsedLog, options?: NormalizerOptions): LogEntry | null {
  if (options === undefined) return createNormalizer().normalize(parsed);
  let normalizer = normalizersByOptions.get(options);
  if (normalizer === undefined) {
    normalizer = createNormalizer(options);
    normalizersByOptions.set(options, normalizer);
  }
  return normalizer.normalize(parsed);
}

/**
 * Many ParsedLogs -> `{ entries, skipped, skippedByCode, notedByCode,
 * diagnostics, diagnosticsOmitted }` (see `Normalizer.normalizeBatch`).
 * Throws only for bad options.
 */
export function normalizeLogs(
  parsed: readonly ParsedLog[],
  options?: NormalizerOptions,
): NormalizeResult {
  return createNormalizer(options).normalizeBatch(parsed);
}
