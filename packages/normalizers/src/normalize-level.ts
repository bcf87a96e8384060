import {
  ConfigError,
  LEVEL_SCHEMES,
  type LevelScheme,
  LOG_LEVELS,
  type LogLevel,
} from "@logfeat/schema";
import { IMPLICIT_SCHEME, LEVEL_NAMES, NUMERIC_LEVELS } from "./level-table.js";

/** Returned by `classifyLevel` for a number that no scheme explains. */
export const AMBIGUOUS_LEVEL = "ambiguous";

/**
 * The shared constant string of a canonical level name (so entries do not keep
 * copies), or undefined. Five `===` comparisons, which fail at once on the
 * length mostly, cost less than hashing a fresh substring for a Map lookup.
 */
export function canonicalLevel(value: string): LogLevel | undefined {
  for (const level of LOG_LEVELS) if (value === level) return level;
  return undefined;
}
const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;

function isLevelScheme(value: unknown): value is LevelScheme {
  return typeof value === "string" && (LEVEL_SCHEMES as readonly string[]).includes(value);
}

function numericLevel(
  value: number,
  scheme: LevelScheme | null,
): LogLevel | typeof AMBIGUOUS_LEVEL | null {
  if (!Number.isFinite(value)) return null;
  if (scheme !== null) return NUMERIC_LEVELS[scheme].get(value) ?? null;
  return NUMERIC_LEVELS[IMPLICIT_SCHEME].get(value) ?? AMBIGUOUS_LEVEL;
}

/**
 * The canonical level of a level value, `AMBIGUOUS_LEVEL` for a number no
 * scheme explains, or null for anything unrecognised. `scheme` is the scheme
 * in force (the option, else the record's hint, else null). The hot-path form
 * of `normalizeLevel`: no allocation for canonical or lower-case names.
 */
export function classifyLevel(
  value: unknown,
  scheme: LevelScheme | null,
): LogLevel | typeof AMBIGUOUS_LEVEL | null {
  if (typeof value === "number") return numericLevel(value, scheme);
  if (typeof value !== "string") return null;
  const canonical = canonicalLevel(value);
  if (canonical !== undefined) return canonical;
  const direct = LEVEL_NAMES.get(value);
  if (direct !== undefined) return direct;
  let text = value.trim();
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if ((first === 91 && last === 93) || (first === 60 && last === 62))
    text = text.slice(1, -1).trim();
  const named = LEVEL_NAMES.get(text.toLowerCase());
  if (named !== undefined) return named;
  return NUMERIC_TEXT.test(text) ? numericLevel(Number(text), scheme) : null;
}

/** Options of `normalizeLevel`. */
export interface LevelOptions {
  /** The scheme numbers are read with; wins over `schemeHint`. */
  levelScheme?: LevelScheme;
  /** The scheme the record's source implies (ParsedLog `level_scheme`); ignored when not a scheme. */
  schemeHint?: LevelScheme;
}

/**
 * A level value -> `DEBUG | INFO | WARNING | ERROR | CRITICAL`, or null.
 * Names are case-insensitive, trimmed, with surrounding `[]`/`<>` stripped
 * (`"[warn]"` -> WARNING, `"<crit>"` -> CRITICAL). Numbers and numeric strings
 * (`30`, `"30"`) are read through `levelScheme`, else `schemeHint`, else pino
 * for multiples of 10 in 10..60; any other number gives null (in a batch it
 * is skipped as `ambiguous_numeric_level`). Throws ConfigError for an unknown
 * `levelScheme`.
 */
export function normalizeLevel(value: unknown, options?: LevelOptions): LogLevel | null {
  const levelScheme = options?.levelScheme;
  if (levelScheme !== undefined && !isLevelScheme(levelScheme))
    throw new ConfigError(
      "levelScheme",
      levelScheme,
      '"pino", "syslog", "otel", "python" or "log4j2"',
    );
  const hint = options?.schemeHint;
  const level = classifyLevel(value, levelScheme ?? (isLevelScheme(hint) ? hint : null));
  return level === AMBIGUOUS_LEVEL ? null : level;
}

/** `scheme` when it is a known level scheme, else null (a record's hint is data, not an option). */
export function schemeOrNull(scheme: unknown): LevelScheme | null {
  return isLevelScheme(scheme) ? scheme : null;
}
