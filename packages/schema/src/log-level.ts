import { z } from "zod";

/** The canonical levels, least to most severe. */
export const LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] as const;

/** One of `DEBUG INFO WARNING ERROR CRITICAL`. The normalizers map every synonym onto these. */
export const LogLevelSchema = z.enum(LOG_LEVELS);

/** A canonical log level. */
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** Named constants for the levels, e.g. `LogLevel.ERROR === "ERROR"`. */
export const LogLevel: { readonly [L in LogLevel]: L } = {
  DEBUG: "DEBUG",
  INFO: "INFO",
  WARNING: "WARNING",
  ERROR: "ERROR",
  CRITICAL: "CRITICAL",
};

/** Numeric level schemes (SPEC section 4): how a number in a level field is read. */
export const LEVEL_SCHEMES = ["pino", "syslog", "otel", "python", "log4j2"] as const;

/** `"pino" | "syslog" | "otel" | "python" | "log4j2"`. */
export const LevelSchemeSchema = z.enum(LEVEL_SCHEMES);

/** A numeric level scheme. */
export type LevelScheme = z.infer<typeof LevelSchemeSchema>;
