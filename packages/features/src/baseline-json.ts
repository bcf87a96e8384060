import {
  type Baseline,
  BaselineSchema,
  ConfigError,
  FEATURE_NAMES,
  type FeatureStatistics,
  type FeatureStatisticsByName,
  parseInstant,
  SchemaValidationError,
} from "@logfeat/schema";

const WHAT = "baseline";

/**
 * A baseline as pretty JSON (2-space indent, one trailing newline) with a
 * stable key order: kind, version, created_at, window_count, global (features
 * in FEATURE_NAMES order), services (ascending); statistics as count, min,
 * max, mean, median, stdev. Numbers are written by `JSON.stringify`, which
 * round-trips every double exactly. Throws ConfigError if `baseline` does not
 * match `BaselineSchema`.
 */
export function serializeBaseline(baseline: Baseline): string {
  const parsed = BaselineSchema.safeParse(baseline);
  if (!parsed.success) throw ConfigError.fromZodError(parsed.error, baseline, "baseline");
  const valid = parsed.data;
  const ordered: Baseline = {
    kind: valid.kind,
    version: valid.version,
    created_at: valid.created_at,
    window_count: valid.window_count,
    global: orderedByName(valid.global),
  };
  if (valid.services !== undefined) {
    const services: Record<string, FeatureStatisticsByName> = {};
    for (const service of Object.keys(valid.services).sort())
      services[service] = orderedByName(valid.services[service] ?? {});
    ordered.services = services;
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Reads a baseline written by `serializeBaseline` (or by hand). Throws
 * SchemaValidationError when the text is not JSON, does not match
 * `BaselineSchema` (the error's `path` names the bad value, e.g.
 * `global.error_rate.mean`), has a `created_at` that is not an ISO 8601
 * instant, or has statistics that cannot be true (min > max, mean or median
 * outside [min, max]).
 */
export function parseBaseline(text: string): Baseline {
  if (typeof text !== "string")
    throw new SchemaValidationError(WHAT, "", `expected JSON text, received ${typeof text}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemaValidationError(WHAT, "", `not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) throw SchemaValidationError.fromZodError(parsed.error, WHAT);
  const baseline = parsed.data;
  if (parseInstant(baseline.created_at) === null)
    throw new SchemaValidationError(WHAT, "created_at", "expected an ISO 8601 instant with offset");
  checkStatisticsByName(baseline.global, "global");
  for (const [service, statistics] of Object.entries(baseline.services ?? {}))
    checkStatisticsByName(statistics, `services.${service}`);
  return baseline;
}

function orderedByName(statistics: FeatureStatisticsByName): FeatureStatisticsByName {
  const ordered: FeatureStatisticsByName = {};
  for (const name of FEATURE_NAMES) {
    const value = statistics[name];
    if (value !== undefined) ordered[name] = value === null ? null : orderedStatistics(value);
  }
  return ordered;
}

function orderedStatistics(statistics: FeatureStatistics): FeatureStatistics {
  const { count, min, max, mean, median, stdev } = statistics;
  return { count, min, max, mean, median, stdev };
}

function checkStatisticsByName(statistics: FeatureStatisticsByName, path: string): void {
  for (const name of FEATURE_NAMES) {
    const value = statistics[name];
    if (value === undefined || value === null) continue;
    const at = `${path}.${name}`;
    if (value.min > value.max)
      throw new SchemaValidationError(
        WHAT,
        `${at}.min`,
        `min (${value.min}) exceeds max (${value.max})`,
      );
    for (const key of ["mean", "median"] as const) {
      if (value[key] < value.min || value[key] > value.max)
        throw new SchemaValidationError(
          WHAT,
          `${at}.${key}`,
          `${key} (${value[key]}) is outside [min, max] = [${value.min}, ${value.max}]`,
        );
    }
  }
}
