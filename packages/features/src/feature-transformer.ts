import {
  ConfigError,
  FEATURE_NAMES,
  type FeatureName,
  type FeatureStatistics,
  FeatureStatisticsSchema,
  type FeatureVector,
} from "@logfeat/schema";
import { checkFeatureName, checkFeatureNames } from "./feature-names.js";
import { optionsObject } from "./options-object.js";
import { summaryStatistics } from "./summary-statistics.js";

/** Options of `FeatureTransformer#toMatrix`. */
export interface ToMatrixOptions {
  /** Number written where a feature is null (e.g. `Number.NaN` or `0`); by default null stays null. */
  fillNull?: number;
}

const NULLABLE: ReadonlySet<FeatureName> = new Set<FeatureName>([
  "median_duration_ms",
  "p95_duration_ms",
  "max_duration_ms",
]);

/**
 * Statistics and matrices over a list of FeatureVectors (SPEC section 6).
 * The constructor copies the list (not the vectors) and checks every feature
 * value: counts and rates must be finite numbers, durations finite numbers or
 * null; anything else throws ConfigError naming `features.<index>.<name>`.
 * Every method that takes a feature name throws ConfigError for an unknown
 * name, listing the valid ones (`FEATURE_NAMES`).
 */
export class FeatureTransformer {
  readonly #features: readonly FeatureVector[];

  constructor(features: Iterable<FeatureVector>) {
    if (
      typeof features !== "object" ||
      features === null ||
      typeof (features as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
    )
      throw new ConfigError("features", features, "an iterable of FeatureVector");
    const list = Array.from(features);
    list.forEach(checkVector);
    this.#features = Object.freeze(list);
  }

  /** The vectors, in the order given (row i of `toMatrix` and index i of `compareToBaseline`). */
  get features(): readonly FeatureVector[] {
    return this.#features;
  }

  /** The values of one feature, one per vector, null where the feature is null. */
  values(name: FeatureName): (number | null)[] {
    const feature = checkFeatureName(name, "name");
    return this.#features.map((vector) => vector[feature]);
  }

  /**
   * `{ count, min, max, mean, median, stdev }` over the non-null values of a
   * feature (stdev: sample, n - 1; 0 when count < 2), or null when every value
   * is null or there are no vectors. See the README for the exact arithmetic.
   */
  getStatistics(name: FeatureName): FeatureStatistics | null {
    return summaryStatistics(presentValues(this.values(name)));
  }

  /**
   * Indices i (ascending) of the vectors whose value of `name` is strictly
   * greater than `baseline.mean * multiplier`. Null values are never flagged.
   * `multiplier` must be a finite number >= 0 (default 2.0) and `baseline` a
   * valid FeatureStatistics; otherwise ConfigError.
   */
  compareToBaseline(name: FeatureName, baseline: FeatureStatistics, multiplier = 2.0): number[] {
    const values = this.values(name);
    const checked = checkBaseline(baseline);
    if (typeof multiplier !== "number" || !Number.isFinite(multiplier) || multiplier < 0)
      throw new ConfigError("multiplier", multiplier, "a finite number >= 0");
    const threshold = checked.mean * multiplier;
    const flagged: number[] = [];
    values.forEach((value, index) => {
      if (value !== null && value > threshold) flagged.push(index);
    });
    return flagged;
  }

  /**
   * Standard scores `(value - mean) / stdev`, one per vector, against
   * `baseline` (default: this list's own `getStatistics(name)`). Null values
   * stay null; when stdev is 0 every non-null score is 0. When the list has no
   * value for the feature and no baseline is given, every score is null.
   */
  zScores(name: FeatureName, baseline?: FeatureStatistics): (number | null)[] {
    const values = this.values(name);
    const reference =
      baseline === undefined ? summaryStatistics(presentValues(values)) : checkBaseline(baseline);
    if (reference === null) return values.map(() => null);
    const { mean, stdev } = reference;
    return values.map((value) => {
      if (value === null) return null;
      return stdev === 0 ? 0 : (value - mean) / stdev;
    });
  }

  /**
   * The features as a matrix: one row per vector (in order), one column per
   * name in `names` (default: all 11 in CSV order, `FEATURE_NAMES`). Null
   * features are null, or `options.fillNull` when given (e.g. `Number.NaN`).
   */
  toMatrix(names?: readonly FeatureName[]): (number | null)[][];
  toMatrix(names: readonly FeatureName[] | undefined, options: { fillNull: number }): number[][];
  toMatrix(names?: readonly FeatureName[], options?: ToMatrixOptions): (number | null)[][];
  toMatrix(names?: readonly FeatureName[], options?: ToMatrixOptions): (number | null)[][] {
    const columns = checkFeatureNames(names, "names");
    const { fillNull } = optionsObject(options);
    if (fillNull !== undefined && typeof fillNull !== "number")
      throw new ConfigError("fillNull", fillNull, "a number (NaN allowed) or undefined");
    const fill = fillNull === undefined ? null : fillNull;
    return this.#features.map((vector) =>
      columns.map((column) => {
        const value = vector[column];
        return value === null ? fill : value;
      }),
    );
  }
}

function presentValues(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

function checkBaseline(baseline: FeatureStatistics): FeatureStatistics {
  const parsed = FeatureStatisticsSchema.safeParse(baseline);
  if (!parsed.success) throw ConfigError.fromZodError(parsed.error, baseline, "baseline");
  return parsed.data;
}

function checkVector(vector: FeatureVector, index: number): void {
  if (typeof vector !== "object" || vector === null)
    throw new ConfigError(`features.${index}`, vector, "a FeatureVector");
  for (const name of FEATURE_NAMES) {
    const value = vector[name];
    if (value === null && NULLABLE.has(name)) continue;
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new ConfigError(
        `features.${index}.${name}`,
        value,
        NULLABLE.has(name) ? "a finite number or null" : "a finite number",
      );
  }
}
