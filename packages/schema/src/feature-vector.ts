import { z } from "zod";
import { type EpochMillis, EpochMillisSchema, IsoInstantCodec } from "./instant.js";
import { ServiceNameSchema } from "./log-entry.js";
import { WindowSizeSecondsSchema } from "./window.js";

/** The 11 numeric features, in the order of the CSV output. */
export const FEATURE_NAMES = [
  "total_events",
  "error_count",
  "warning_count",
  "info_count",
  "error_rate",
  "warning_rate",
  "median_duration_ms",
  "p95_duration_ms",
  "max_duration_ms",
  "unique_messages",
  "unique_error_codes",
] as const;

/** Name of one of the 11 features. */
export const FeatureNameSchema = z.enum(FEATURE_NAMES);

/** Name of one of the 11 features. */
export type FeatureName = z.infer<typeof FeatureNameSchema>;

/** CSV header of FeatureVector output (SPEC section 8), exactly in this order. */
export const FEATURE_CSV_COLUMNS = ["window_start", "service", ...FEATURE_NAMES] as const;

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const durationMs = z.number().nonnegative().finite().nullable();

/**
 * FeatureVector metadata: `extraction_timestamp` (ISO 8601 UTC, from the
 * extractor's clock), `window_log_count`, `window_end` (ISO 8601 UTC) and
 * `window_size_seconds`. Phase 2 may add its own keys (anomaly_score, ...);
 * they are kept.
 */
export const FeatureMetadataSchema = z.looseObject({
  extraction_timestamp: z.string(),
  window_log_count: count,
  window_end: z.string(),
  window_size_seconds: WindowSizeSecondsSchema,
});

const featureFields = {
  service: ServiceNameSchema,
  total_events: count,
  error_count: count,
  warning_count: count,
  info_count: count,
  error_rate: rate,
  warning_rate: rate,
  median_duration_ms: durationMs,
  p95_duration_ms: durationMs,
  max_duration_ms: durationMs,
  unique_messages: count,
  unique_error_codes: count,
  metadata: FeatureMetadataSchema,
};

/** The 11 features of one (window_start, service) window, in memory (`window_start` as EpochMillis). */
export const FeatureVectorSchema = z.object({
  window_start: EpochMillisSchema,
  ...featureFields,
});

/** A FeatureVector in memory; see `FeatureVectorSchema`. */
export type FeatureVector = z.infer<typeof FeatureVectorSchema>;
/** FeatureVector metadata; see `FeatureMetadataSchema`. */
export type FeatureMetadata = z.infer<typeof FeatureMetadataSchema>;

/** The wire (JSON) form of a FeatureVector: `window_start` is an ISO 8601 UTC string. */
export const FeatureVectorJsonSchema = z.object({
  window_start: z.string(),
  ...featureFields,
});

/** A FeatureVector as it appears in JSON; see `FeatureVectorJsonSchema`. */
export type FeatureVectorJson = z.infer<typeof FeatureVectorJsonSchema>;

/**
 * zod codec between the wire form (ISO `window_start`) and memory (EpochMillis).
 * `z.decode(FeatureVectorCodec, json)` validates and converts; prefer the
 * helpers `encodeFeatureVector` / `decodeFeatureVector`.
 */
export const FeatureVectorCodec = z.codec(
  z.object({ window_start: IsoInstantCodec, ...featureFields }),
  FeatureVectorSchema,
  {
    decode: (value) => value as z.input<typeof FeatureVectorSchema>,
    encode: (value) => ({ ...value, window_start: value.window_start as EpochMillis }),
  },
);

/**
 * Converts a FeatureVector to its JSON form with keys in the contract order
 * (window_start, service, the 11 features, metadata), so that
 * `JSON.stringify(encodeFeatureVector(v))` is byte-stable. Does not validate.
 */
export function encodeFeatureVector(vector: FeatureVector): FeatureVectorJson {
  return {
    window_start: new Date(vector.window_start).toISOString(),
    service: vector.service,
    total_events: vector.total_events,
    error_count: vector.error_count,
    warning_count: vector.warning_count,
    info_count: vector.info_count,
    error_rate: vector.error_rate,
    warning_rate: vector.warning_rate,
    median_duration_ms: vector.median_duration_ms,
    p95_duration_ms: vector.p95_duration_ms,
    max_duration_ms: vector.max_duration_ms,
    unique_messages: vector.unique_messages,
    unique_error_codes: vector.unique_error_codes,
    metadata: vector.metadata,
  };
}

/**
 * Validates a FeatureVector in JSON form and converts it to memory form.
 * Throws a zod error naming the bad field (e.g. a malformed `window_start`).
 */
export function decodeFeatureVector(json: unknown): FeatureVector {
  return z.decode(FeatureVectorCodec, json as z.input<typeof FeatureVectorCodec>);
}
