export type { ComputeBaselineOptions } from "./baseline.js";
export { baselineFor, computeBaseline } from "./baseline.js";
export { parseBaseline, serializeBaseline } from "./baseline-json.js";
export type { Clock } from "./clock.js";
export type { ExtractFeaturesOptions } from "./extract-features.js";
export {
  extractCountFeatures,
  extractDiversityFeatures,
  extractDurationFeatures,
  extractFeatures,
  extractRateFeatures,
} from "./extract-features.js";
export type { ExtractFeaturesFromWindowsOptions } from "./extract-features-from-windows.js";
export { extractFeaturesFromWindows } from "./extract-features-from-windows.js";
export { FEATURE_CSV_HEADER, featuresToCsv, featureToCsvRow } from "./feature-csv.js";
export { featuresToJsonl, featureToJsonLine, parseFeaturesJsonl } from "./feature-jsonl.js";
export type {
  CountFeatures,
  DiversityFeatures,
  DurationFeatures,
  RateFeatures,
} from "./feature-rules.js";
export type { ToMatrixOptions } from "./feature-transformer.js";
export { FeatureTransformer } from "./feature-transformer.js";
export { WindowContractError } from "./window-contract-error.js";
