import { z } from "zod";
import { FeatureNameSchema } from "./feature-vector.js";

/**
 * Summary statistics of one feature over a set of FeatureVectors, taken over
 * the non-null values: `count` values, `min`, `max`, `mean`, `median` and
 * `stdev` (sample standard deviation, n - 1; 0 when count < 2).
 */
export const FeatureStatisticsSchema = z.object({
  count: z.number().int().positive(),
  min: z.number().finite(),
  max: z.number().finite(),
  mean: z.number().finite(),
  median: z.number().finite(),
  stdev: z.number().finite().nonnegative(),
});

/** Statistics of one feature; see `FeatureStatisticsSchema`. */
export type FeatureStatistics = z.infer<typeof FeatureStatisticsSchema>;

/** Feature name -> statistics (null when the feature had no values). */
export const FeatureStatisticsByNameSchema = z.partialRecord(
  FeatureNameSchema,
  FeatureStatisticsSchema.nullable(),
);

/** Feature name -> statistics or null. */
export type FeatureStatisticsByName = z.infer<typeof FeatureStatisticsByNameSchema>;

/**
 * A baseline file: statistics per feature over all services (`global`) and,
 * when computed per service, for each service (`services`). `window_count` is
 * the number of FeatureVectors it was computed from; `created_at` is ISO 8601 UTC.
 */
export const BaselineSchema = z.object({
  kind: z.literal("logfeat-baseline"),
  version: z.literal(1),
  created_at: z.string(),
  window_count: z.number().int().nonnegative(),
  global: FeatureStatisticsByNameSchema,
  services: z.record(z.string(), FeatureStatisticsByNameSchema).optional(),
});

/** A baseline; see `BaselineSchema`. */
export type Baseline = z.infer<typeof BaselineSchema>;
