import type { FeatureName, FeatureVectorJson } from "@logfeat/schema";
import type { RunSummaryJson } from "../../src/serve/api-types.js";

/** The baseline lines of one (service, feature) chart. */
export interface BaselineLines {
  mean: number;
  /** `multiplier * mean`: values above it are flagged. */
  threshold: number;
}

/** The baseline mean and threshold of a service's feature, or null when the feature had no values. */
export function baselineLines(
  run: RunSummaryJson,
  service: string,
  feature: FeatureName,
  multiplier: number,
): BaselineLines | null {
  const statistics = run.reference[service]?.[feature] ?? null;
  if (statistics === null) return null;
  return { mean: statistics.mean, threshold: statistics.mean * multiplier };
}

/** Whether `value` is above the threshold (the rule of `logfeat compare`: strictly greater). */
export function isAbove(value: number | null, lines: BaselineLines | null): boolean {
  return value !== null && lines !== null && value > lines.threshold;
}

/** A window with the charted features that are above their baseline threshold. */
export interface FlaggedWindow {
  vector: FeatureVectorJson;
  features: FeatureName[];
}

/** The windows of the run with at least one of `features` above its threshold, in time order. */
export function windowsAboveBaseline(
  run: RunSummaryJson,
  features: readonly FeatureName[],
  multiplier: number,
): FlaggedWindow[] {
  const flagged: FlaggedWindow[] = [];
  for (const vector of run.features) {
    const above = features.filter((feature) =>
      isAbove(vector[feature], baselineLines(run, vector.service, feature, multiplier)),
    );
    if (above.length > 0) flagged.push({ vector, features: above });
  }
  return flagged;
}
