import { ConfigError, FEATURE_NAMES, type FeatureName } from "@logfeat/schema";

const KNOWN: ReadonlySet<string> = new Set(FEATURE_NAMES);

/** Returns `name` as a FeatureName, or throws ConfigError naming `option` and listing the valid names. */
export function checkFeatureName(name: unknown, option: string): FeatureName {
  if (typeof name !== "string" || !KNOWN.has(name))
    throw new ConfigError(option, name, `one of the feature names ${FEATURE_NAMES.join(", ")}`);
  return name as FeatureName;
}

/**
 * Checks a list of feature names (default: all 11, in CSV order); throws
 * ConfigError for a non-array, an empty list or an unknown name.
 */
export function checkFeatureNames(
  names: readonly FeatureName[] | undefined,
  option: string,
): readonly FeatureName[] {
  if (names === undefined) return FEATURE_NAMES;
  if (!Array.isArray(names) || names.length === 0)
    throw new ConfigError(option, names, "a non-empty array of feature names");
  return names.map((name, index) => checkFeatureName(name, `${option}.${index}`));
}
