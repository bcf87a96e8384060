import {
  type Baseline,
  ConfigError,
  FEATURE_NAMES,
  type FeatureName,
  type FeatureStatistics,
  type FeatureStatisticsByName,
  type FeatureVector,
  formatInstant,
} from "@logfeat/schema";
import { type Clock, resolveClock } from "./clock.js";
import { checkFeatureName, checkFeatureNames } from "./feature-names.js";
import { FeatureTransformer } from "./feature-transformer.js";
import { optionsObject } from "./options-object.js";

/** Options of `computeBaseline`. */
export interface ComputeBaselineOptions {
  /** Features to include (default: all 11). Written in FEATURE_NAMES order whatever the order given. */
  names?: readonly FeatureName[];
  /** Also compute statistics per service under `services` (default false). */
  perService?: boolean;
  /** Clock for `created_at` (Date, epoch milliseconds or a function returning one; default `Date.now`). */
  now?: Clock;
}

/**
 * A Baseline (`BaselineSchema`) of a list of FeatureVectors: `global` holds
 * `FeatureTransformer#getStatistics` of each feature over all vectors (null
 * when a feature has no value), `services` (with `perService: true`) the same
 * per service, services in ascending order. `window_count` is the number of
 * vectors; `created_at` is ISO 8601 UTC from `options.now`. Bad options or
 * invalid vectors throw ConfigError.
 */
export function computeBaseline(
  features: Iterable<FeatureVector>,
  options: ComputeBaselineOptions = {},
): Baseline {
  const checked = optionsObject(options);
  const requested = new Set(checkFeatureNames(checked.names, "names"));
  const names = FEATURE_NAMES.filter((name) => requested.has(name));
  const perService = checked.perService ?? false;
  if (typeof perService !== "boolean")
    throw new ConfigError("perService", perService, "true or false");
  const createdAt = formatInstant(resolveClock(checked.now)());
  const transformer = new FeatureTransformer(features);
  const baseline: Baseline = {
    kind: "logfeat-baseline",
    version: 1,
    created_at: createdAt,
    window_count: transformer.features.length,
    global: statisticsByName(transformer, names),
  };
  if (perService) {
    const byService = new Map<string, FeatureVector[]>();
    for (const vector of transformer.features) {
      const group = byService.get(vector.service);
      if (group === undefined) byService.set(vector.service, [vector]);
      else group.push(vector);
    }
    const services: Record<string, FeatureStatisticsByName> = {};
    for (const service of [...byService.keys()].sort()) {
      services[service] = statisticsByName(
        new FeatureTransformer(byService.get(service) ?? []),
        names,
      );
    }
    baseline.services = services;
  }
  return baseline;
}

/**
 * The statistics of `name` to compare against: the service's own when the
 * baseline has non-null statistics of `name` for `service`, else the global
 * ones (null when the feature had no values or is not in the baseline).
 * Throws ConfigError for an unknown feature name.
 */
export function baselineFor(
  baseline: Baseline,
  name: FeatureName,
  service?: string,
): FeatureStatistics | null {
  const feature = checkFeatureName(name, "name");
  const own = service === undefined ? undefined : baseline.services?.[service]?.[feature];
  return own ?? baseline.global[feature] ?? null;
}

function statisticsByName(
  transformer: FeatureTransformer,
  names: readonly FeatureName[],
): FeatureStatisticsByName {
  const statistics: FeatureStatisticsByName = {};
  for (const name of names) statistics[name] = transformer.getStatistics(name);
  return statistics;
}
