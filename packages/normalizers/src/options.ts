import {
  ConfigError,
  type Diagnostic,
  type EpochMillis,
  type LevelScheme,
  LevelSchemeSchema,
  type LogLevel,
  LogLevelSchema,
  parseInstant,
  toEpochMillis,
} from "@logfeat/schema";
import { z } from "zod";
import { normalizeService } from "./normalize-service.js";
import { type ZoneOffsets, zoneOffsets } from "./zone-offsets.js";

/** Default `maxMessageLength`: 8192 characters (UTF-16 code units). */
export const DEFAULT_MAX_MESSAGE_LENGTH = 8192;

/** What `metadata.message_hash` hashes: the masked template (default) or the message itself. */
export type MessageHashMode = "template" | "exact";

/** Defaults for required fields that a record lacks (SPEC section 4). */
export interface NormalizerDefaults {
  /**
   * Service for a record whose service is missing or invalid (sanitized like
   * any service; counted as note `service_defaulted`). Without it such a
   * record is skipped.
   */
  service?: string;
  /**
   * Level for a record with no level field (counted as note
   * `level_defaulted`). Default `"INFO"`; `null` skips such a record as
   * `missing_level`. A level that is present but unrecognised is always skipped.
   */
  level?: LogLevel | null;
}

/** Options of `createNormalizer`, `normalizeLog` and `normalizeLogs`. Validated once, up front. */
export interface NormalizerOptions {
  /** IANA zone for naive and year-less timestamps, e.g. `"Europe/Berlin"`. Default `"UTC"`. */
  timeZone?: string;
  /**
   * The instant year-less timestamps are placed against (the app passes the
   * file's modification time): epoch milliseconds (fractions are dropped), a
   * Date, or an ISO 8601 string with offset. Default: the time `createNormalizer` ran.
   */
  referenceTime?: number | Date | string;
  /** Numeric level scheme; overrides a record's `level_scheme` hint. Default: none. */
  levelScheme?: LevelScheme;
  /** `"template"` (default) hashes the masked message template, `"exact"` the message. */
  messageHash?: MessageHashMode;
  /** Longest message kept, in characters (UTF-16 code units); longer ones are cut. Default 8192. */
  maxMessageLength?: number;
  /** Defaults for a missing service or level; see `NormalizerDefaults`. */
  defaults?: NormalizerDefaults;
  /**
   * Keep the parser's `extra` fields as `metadata.extra` (the same object, not
   * a copy). Default false: extra fields are dropped, which keeps entries small.
   */
  keepExtra?: boolean;
  /** Called for every diagnostic (skip or note) as it happens. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** How many diagnostics a batch result keeps in its list (all are counted). Default 1000. */
  maxDiagnostics?: number;
}

/** Everything a timestamp needs besides its text: the zone and the reference instant. */
export interface TimestampContext {
  readonly zone: ZoneOffsets;
  readonly referenceTime: EpochMillis;
  /** UTC calendar year of `referenceTime`. */
  readonly referenceYear: number;
}

/** Options after validation, with defaults applied. */
export interface ResolvedOptions {
  readonly timestamps: TimestampContext;
  readonly levelScheme: LevelScheme | null;
  readonly messageHash: MessageHashMode;
  readonly maxMessageLength: number;
  readonly defaultService: string | null;
  readonly defaultLevel: LogLevel | null;
  readonly keepExtra: boolean;
  readonly onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;
  readonly maxDiagnostics: number | undefined;
}

const EXPECTED: Record<string, string> = {
  timeZone: 'an IANA time zone name such as "Europe/Berlin" or "UTC"',
  referenceTime:
    'an instant: epoch milliseconds within 1970..2100, a valid Date, or an ISO 8601 string with offset such as "2025-02-07T10:15:00Z"',
  levelScheme: '"pino", "syslog", "otel", "python" or "log4j2"',
  messageHash: '"template" or "exact"',
  maxMessageLength: "a positive integer number of characters, e.g. 8192",
  defaults: "an object { service?, level? }",
  "defaults.service": 'a service name with at least one letter or digit, e.g. "api-server"',
  "defaults.level": "DEBUG, INFO, WARNING, ERROR, CRITICAL, or null",
  keepExtra: "true or false",
  onDiagnostic: "a function (diagnostic) => void",
  maxDiagnostics: "a non-negative integer, e.g. 1000",
};

/** The instant a `referenceTime` option names, or null when it names none. */
function referenceInstant(value: number | Date | string): EpochMillis | null {
  if (typeof value === "string") return parseInstant(value.trim());
  const millis = typeof value === "number" ? value : value.getTime();
  return Number.isFinite(millis) ? toEpochMillis(Math.floor(millis)) : null;
}

const TimeZoneSchema = z.string().refine((zone) => zoneOffsets(zone) !== null);
const ReferenceTimeSchema = z
  .union([z.number(), z.date(), z.string()])
  .refine((value) => referenceInstant(value) !== null);

const NormalizerOptionsSchema = z.strictObject({
  timeZone: TimeZoneSchema.optional(),
  referenceTime: ReferenceTimeSchema.optional(),
  levelScheme: LevelSchemeSchema.optional(),
  messageHash: z.enum(["template", "exact"]).optional(),
  maxMessageLength: z.number().int().min(1).optional(),
  defaults: z
    .strictObject({
      service: z
        .string()
        .refine((service) => normalizeService(service) !== null)
        .optional(),
      level: LogLevelSchema.nullable().optional(),
    })
    .optional(),
  keepExtra: z.boolean().optional(),
  onDiagnostic: z
    .custom<(diagnostic: Diagnostic) => void>((value) => typeof value === "function")
    .optional(),
  maxDiagnostics: z.number().int().min(0).optional(),
});

const TimestampOptionsSchema = NormalizerOptionsSchema.pick({
  timeZone: true,
  referenceTime: true,
});

/** Turns the first zod issue into a ConfigError that names the option and the value. */
function configError(error: z.ZodError, input: unknown): ConfigError {
  const issue = error.issues[0];
  if (issue === undefined) return ConfigError.fromZodError(error, input);
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") path.push(issue.keys[0] ?? "");
  let value: unknown = input;
  for (const key of path)
    value =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  const option = path.length === 0 ? "options" : path.join(".");
  const parent = path.slice(0, -1).join(".");
  const known = Object.keys(EXPECTED)
    .filter((name) => (parent === "" ? !name.includes(".") : name.startsWith(`${parent}.`)))
    .map((name) => name.slice(parent === "" ? 0 : parent.length + 1));
  const expected =
    issue.code === "unrecognized_keys"
      ? `a known option name (${known.join(", ")})`
      : (EXPECTED[option] ?? (path.length === 0 ? "an options object" : issue.message));
  return new ConfigError(option, value, expected, { cause: error });
}

function timestampContext(
  timeZone: string | undefined,
  referenceTime: number | Date | string | undefined,
): TimestampContext {
  const zone = zoneOffsets(timeZone ?? "UTC") as ZoneOffsets;
  const reference =
    referenceTime === undefined
      ? (Date.now() as EpochMillis)
      : (referenceInstant(referenceTime) as EpochMillis);
  return {
    zone,
    referenceTime: reference,
    referenceYear: new Date(reference).getUTCFullYear(),
  };
}

/**
 * Validates normalizer options once and applies the defaults. Throws a
 * ConfigError naming the first bad option and its value.
 */
export function resolveOptions(options: NormalizerOptions | undefined): ResolvedOptions {
  const result = NormalizerOptionsSchema.safeParse(options === undefined ? {} : options);
  if (!result.success) throw configError(result.error, options);
  const valid = result.data;
  const defaultService = valid.defaults?.service;
  const defaultLevel = valid.defaults?.level;
  return {
    timestamps: timestampContext(valid.timeZone, valid.referenceTime),
    levelScheme: valid.levelScheme ?? null,
    messageHash: valid.messageHash ?? "template",
    maxMessageLength: valid.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH,
    defaultService: defaultService === undefined ? null : normalizeService(defaultService),
    defaultLevel: defaultLevel === undefined ? "INFO" : defaultLevel,
    keepExtra: valid.keepExtra ?? false,
    onDiagnostic: valid.onDiagnostic,
    maxDiagnostics: valid.maxDiagnostics,
  };
}

/** Options of `normalizeTimestamp`: the zone and reference instant of `NormalizerOptions`. */
export type TimestampOptions = Pick<NormalizerOptions, "timeZone" | "referenceTime">;

/** Validates timestamp options (throws ConfigError) and returns the context they describe. */
export function resolveTimestampOptions(options: TimestampOptions | undefined): TimestampContext {
  if (options === undefined) return timestampContext(undefined, undefined);
  const result = TimestampOptionsSchema.safeParse(options);
  if (!result.success) throw configError(result.error, options);
  return timestampContext(result.data.timeZone, result.data.referenceTime);
}
