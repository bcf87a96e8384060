import { ConfigError, LEVEL_SCHEMES, type LevelScheme, type LogLevel } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { LEVEL_NAMES, NUMERIC_LEVELS, normalizeLevel } from "../src/index.js";

const SYNONYMS: Record<LogLevel, string[]> = {
  DEBUG: [
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
  INFO: ["info", "information", "informational", "inf", "i", "notice", "n", "http"],
  WARNING: ["warning", "warn", "wrn", "w"],
  ERROR: ["error", "err", "e", "severe", "fail", "failure"],
  CRITICAL: [
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
};

const SYNONYM_CASES = Object.entries(SYNONYMS).flatMap(([level, names]) =>
  names.map((name) => [name, level] as const),
);

describe("normalizeLevel: names", () => {
  it("the table has exactly the SPEC synonyms", () => {
    expect(new Map(SYNONYM_CASES)).toEqual(LEVEL_NAMES);
  });

  it.each(SYNONYM_CASES)("%s -> %s in every spelling", (name, level) => {
    for (const spelling of [
      name,
      name.toUpperCase(),
      name[0]?.toUpperCase() + name.slice(1),
      `  ${name}  `,
      `[${name}]`,
      `<${name.toUpperCase()}>`,
      `[ ${name} ]`,
    ])
      expect(normalizeLevel(spelling)).toBe(level);
  });

  it("names win over a numeric scheme", () => {
    expect(normalizeLevel("crit", { levelScheme: "otel" })).toBe("CRITICAL");
    expect(normalizeLevel("alert", { schemeHint: "syslog" })).toBe("CRITICAL");
    expect(normalizeLevel("Info   ")).toBe("INFO");
  });

  it.each(["", "   ", "[]", "information!", "warnings", "lvl", "ok", "[warn", "x"])(
    "%j is not a level",
    (text) => {
      expect(normalizeLevel(text)).toBeNull();
    },
  );

  it.each([true, null, undefined, {}, ["info"]])("%j is not a level", (value) => {
    expect(normalizeLevel(value)).toBeNull();
  });
});

const SCHEME_CASES: ReadonlyArray<readonly [LevelScheme, number, LogLevel | null]> = [
  ["pino", 10, "DEBUG"],
  ["pino", 20, "DEBUG"],
  ["pino", 30, "INFO"],
  ["pino", 40, "WARNING"],
  ["pino", 50, "ERROR"],
  ["pino", 60, "CRITICAL"],
  ["pino", 35, null],
  ["syslog", 0, "CRITICAL"],
  ["syslog", 1, "CRITICAL"],
  ["syslog", 2, "CRITICAL"],
  ["syslog", 3, "ERROR"],
  ["syslog", 4, "WARNING"],
  ["syslog", 5, "INFO"],
  ["syslog", 6, "INFO"],
  ["syslog", 7, "DEBUG"],
  ["syslog", 8, null],
  ...Array.from({ length: 24 }, (_, index): [LevelScheme, number, LogLevel] => {
    const number = index + 1;
    const level =
      number <= 8
        ? "DEBUG"
        : number <= 12
          ? "INFO"
          : number <= 16
            ? "WARNING"
            : number <= 20
              ? "ERROR"
              : "CRITICAL";
    return ["otel", number, level];
  }),
  ["otel", 0, null],
  ["otel", 25, null],
  ["python", 10, "DEBUG"],
  ["python", 20, "INFO"],
  ["python", 30, "WARNING"],
  ["python", 40, "ERROR"],
  ["python", 50, "CRITICAL"],
  ["python", 60, null],
  ["log4j2", 600, "DEBUG"],
  ["log4j2", 500, "DEBUG"],
  ["log4j2", 400, "INFO"],
  ["log4j2", 300, "WARNING"],
  ["log4j2", 200, "ERROR"],
  ["log4j2", 100, "CRITICAL"],
  ["log4j2", 0, null],
];

describe("normalizeLevel: numbers", () => {
  it("every scheme is covered", () => {
    expect(new Set(SCHEME_CASES.map(([scheme]) => scheme))).toEqual(new Set(LEVEL_SCHEMES));
    for (const scheme of LEVEL_SCHEMES)
      for (const [number, level] of NUMERIC_LEVELS[scheme])
        expect(SCHEME_CASES).toContainEqual([scheme, number, level]);
  });

  it.each(SCHEME_CASES)("%s %i -> %s (number, string, option or hint)", (scheme, number, level) => {
    expect(normalizeLevel(number, { levelScheme: scheme })).toBe(level);
    expect(normalizeLevel(String(number), { levelScheme: scheme })).toBe(level);
    expect(normalizeLevel(number, { schemeHint: scheme })).toBe(level);
  });

  it("the option wins over the hint", () => {
    expect(normalizeLevel(30, { levelScheme: "python", schemeHint: "pino" })).toBe("WARNING");
    expect(normalizeLevel(3, { levelScheme: "syslog", schemeHint: "otel" })).toBe("ERROR");
  });

  it("without a scheme, multiples of 10 in 10..60 are pino and other numbers are ambiguous", () => {
    expect(normalizeLevel(30)).toBe("INFO");
    expect(normalizeLevel("50")).toBe("ERROR");
    for (const number of [0, 3, 5, 35, 70, 100, 400, -10, 30.5, Number.NaN])
      expect(normalizeLevel(number)).toBeNull();
  });

  it("an unknown hint is ignored; an unknown option throws ConfigError", () => {
    expect(normalizeLevel(30, { schemeHint: "winston" as LevelScheme })).toBe("INFO");
    expect(() => normalizeLevel(30, { levelScheme: "winston" as LevelScheme })).toThrow(
      ConfigError,
    );
  });
});
