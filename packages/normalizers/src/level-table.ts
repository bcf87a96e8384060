import type { LevelScheme, LogLevel } from "@logfeat/schema";

/**
 * Every level name of SPEC section 4, lower case -> canonical level. Matching
 * is case-insensitive after trimming and stripping surrounding `[]`/`<>`.
 * Names win over any numeric placement: crit, alert and emerg are CRITICAL.
 */
export const LEVEL_NAMES: ReadonlyMap<string, LogLevel> = new Map(
  (
    [
      [
        "DEBUG",
        [
          "debug",
          "dbg",
          "d",
          "trace",
          "trc",
          "t",
          "verbose",
          "v",
          "fine",
          "finer",
          "finest",
          "config",
          "silly",
          "all",
        ],
      ],
      ["INFO", ["info", "information", "informational", "inf", "i", "notice", "n", "http"]],
      ["WARNING", ["warning", "warn", "wrn", "w"]],
      ["ERROR", ["error", "err", "e", "severe", "fail", "failure"]],
      [
        "CRITICAL",
        [
          "critical",
          "crit",
          "c",
          "fatal",
          "f",
          "alert",
          "a",
          "emerg",
          "emergency",
          "panic",
          "dpanic",
        ],
      ],
    ] as const
  ).flatMap(([level, names]) => names.map((name) => [name, level] as const)),
);

/**
 * Numeric level schemes (SPEC section 4): for each, the canonical level of
 * every number the scheme defines. A number a scheme does not list is an
 * invalid level under that scheme.
 * - pino/bunyan: 10, 20 DEBUG; 30 INFO; 40 WARNING; 50 ERROR; 60 CRITICAL
 * - syslog severity: 0-2 CRITICAL; 3 ERROR; 4 WARNING; 5-6 INFO; 7 DEBUG
 * - OpenTelemetry severity_number: 1-8 DEBUG; 9-12 INFO; 13-16 WARNING; 17-20 ERROR; 21-24 CRITICAL
 * - Python logging: 10 DEBUG; 20 INFO; 30 WARNING; 40 ERROR; 50 CRITICAL
 * - log4j2 intLevel: 600, 500 DEBUG; 400 INFO; 300 WARNING; 200 ERROR; 100 CRITICAL
 */
export const NUMERIC_LEVELS: { readonly [S in LevelScheme]: ReadonlyMap<number, LogLevel> } = {
  pino: new Map([
    [10, "DEBUG"],
    [20, "DEBUG"],
    [30, "INFO"],
    [40, "WARNING"],
    [50, "ERROR"],
    [60, "CRITICAL"],
  ]),
  syslog: new Map([
    [0, "CRITICAL"],
    [1, "CRITICAL"],
    [2, "CRITICAL"],
    [3, "ERROR"],
    [4, "WARNING"],
    [5, "INFO"],
    [6, "INFO"],
    [7, "DEBUG"],
  ]),
  otel: new Map(
    Array.from({ length: 24 }, (_, index): [number, LogLevel] => {
      const number = index + 1;
      if (number <= 8) return [number, "DEBUG"];
      if (number <= 12) return [number, "INFO"];
      if (number <= 16) return [number, "WARNING"];
      if (number <= 20) return [number, "ERROR"];
      return [number, "CRITICAL"];
    }),
  ),
  python: new Map([
    [10, "DEBUG"],
    [20, "INFO"],
    [30, "WARNING"],
    [40, "ERROR"],
    [50, "CRITICAL"],
  ]),
  log4j2: new Map([
    [600, "DEBUG"],
    [500, "DEBUG"],
    [400, "INFO"],
    [300, "WARNING"],
    [200, "ERROR"],
    [100, "CRITICAL"],
  ]),
};

/**
 * The scheme a number is read with when neither the caller nor the record
 * names one: pino, but only for a multiple of 10 in 10..60 (SPEC section 4).
 * Any other number without a scheme is ambiguous.
 */
export const IMPLICIT_SCHEME: LevelScheme = "pino";
