import type { ParsedLog } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DURATION_SUFFIX,
  extractDurationSuffix,
  mayEndWithDurationSuffix,
} from "../src/duration-suffix.js";

const piece = fc.constantFrom(
  "took",
  " ",
  "(",
  ")",
  ".",
  "1",
  "25",
  "1.5",
  "ns",
  "us",
  "µs",
  "ms",
  "s",
  "min",
  "m",
  "h",
  "x",
  "hits",
  "mins",
  "é",
  "\t",
);

/** Messages built from the pieces a suffix is made of, many of them suffixes or near misses. */
const suffixLike = fc.oneof(
  fc.array(piece, { maxLength: 10 }).map((parts) => parts.join("")),
  fc
    .tuple(
      fc.array(piece, { maxLength: 4 }),
      fc.constantFrom("took ", "(", "took", "x(", ""),
      fc.constantFrom("5", "1.5", "25", "", "x"),
      fc.constantFrom(" ", "", "  "),
      fc.constantFrom("ns", "us", "µs", "ms", "s", "min", "m", "h", "mins", "hs", "", "µ"),
      fc.constantFrom(")", "", ")."),
      fc.constantFrom(".", "", ".."),
    )
    .map(([head, ...rest]) => head.join("") + rest.join("")),
);

function emptyParsed(): ParsedLog {
  return { source: "test.log", line: 1, format: "text", extra: {} };
}

describe("mayEndWithDurationSuffix", () => {
  it.each([
    ["done (523ms)", true],
    ["done (523ms).", true],
    ["handled took 1.5s", true],
    ["handled took 2 min.", true],
    ["handled took 3µs", true],
    ["Password check passed", false],
    ["Query returned 6724 hits", false],
    ["GET /api 200", false],
    ["", false],
    ["ms", false],
  ])("%j -> %s", (text, expected) => {
    expect(mayEndWithDurationSuffix(text)).toBe(expected);
  });

  it("never rules out a message the suffix regex matches (generated messages)", () => {
    fc.assert(
      fc.property(fc.oneof(suffixLike, fc.string({ maxLength: 12 })), (text) => {
        if (DURATION_SUFFIX.test(text)) expect(mayEndWithDurationSuffix(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("extractDurationSuffix finds what the regex alone finds", () => {
    fc.assert(
      fc.property(suffixLike, (text) => {
        const parsed = emptyParsed();
        extractDurationSuffix(text, parsed);
        const match = DURATION_SUFFIX.exec(text.length > 48 ? text.slice(-48) : text);
        expect(parsed.duration).toBe(
          match === null ? undefined : `${match[1] ?? match[3]}${match[2] ?? match[4]}`,
        );
      }),
      { numRuns: 3000 },
    );
  });
});
