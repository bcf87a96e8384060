import type { ParsedLog } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveTextAliasTable } from "../src/field-aliases.js";
import { TrailingPairs } from "../src/trailing-pairs.js";

/** Key-like tokens: aliases in several cases, other keys, keys with characters no key may hold. */
const key = fc.oneof(
  fc.constantFrom(
    "duration_ms",
    "DURATION_MS",
    "Duration_Ms",
    "took",
    "TOOK",
    "latency",
    "event.duration",
    "error_code",
    "errorCode",
    "ERRORCODE",
    "code",
    "request_id",
    "requestId",
    "req_id",
    "trace_id",
    "user",
    "__proto__",
    "x.y@z-1",
    "ms",
    "Took",
    "k\u00e9",
    "a/b",
    "",
  ),
  fc.stringMatching(/^[A-Za-z0-9_.@-]{1,12}$/),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);

/** Values with the characters that matter: quotes, backslashes, `=`, whitespace, non-ASCII. */
const value = fc.oneof(
  fc.constantFrom(
    "1",
    "",
    "32",
    "req-1",
    "a=b",
    '"q"',
    '"a b"',
    '"a\\"b"',
    '"x\\\\"',
    '""',
    '"open',
  ),
  fc.constantFrom('x"', "\\", "\u00e9", "1.5s", '"a=\\"b c\\" d"', "(5ms)", "=", "a\tb", "a\nb"),
  fc.string({
    unit: fc.constantFrom("a", "=", '"', "\\", " ", "\t", "\n", "\r", "\u00e9", "1"),
    maxLength: 8,
  }),
);

const separator = fc.constantFrom(" ", " ", "  ", "\t", " \t ", "\n", "\r\n", "");

/** A message: some text, then tokens that are mostly `key=value` pairs. */
const message = fc
  .tuple(
    fc.constantFrom("", "GET /x 200", 'User "frank" logged in', "a=b c", "x", "\u00e9t\u00e9 ok"),
    fc.array(fc.tuple(separator, key, fc.constantFrom("=", "=", "=", ""), value), {
      maxLength: 6,
    }),
    fc.constantFrom("", " ", "\t", "\n"),
  )
  .map(
    ([text, pairs, tail]) =>
      text +
      pairs.map(([space, name, equals, found]) => space + name + equals + found).join("") +
      tail,
  );

const TABLES = {
  defaults: resolveTextAliasTable(undefined),
  custom: resolveTextAliasTable({
    duration: ["ms", "Took"],
    request_id: ["rid", "x.y@z-1", "rid"],
  }),
};

function emptyParsed(): ParsedLog {
  return { source: "test.log", line: 1, format: "text", extra: {} };
}

/** What a scan found: where the pairs start, and the ParsedLog they make (with the order of `extra`). */
function result(pairs: TrailingPairs, start: number, parsed: ParsedLog): unknown {
  pairs.apply(parsed);
  return { start, parsed, extraKeys: Object.keys(parsed.extra) };
}

describe("TrailingPairs: scan (forward, from the first `=`) agrees with scanFromEnd", () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`same pairs, fields and start for generated messages (${name} aliases)`, () => {
      const fast = new TrailingPairs(table);
      const general = new TrailingPairs(table);
      fc.assert(
        fc.property(
          fc.string({ unit: "grapheme", maxLength: 4 }),
          message,
          fc.nat(3),
          (prefix, text, cut) => {
            const line = prefix + text;
            const end = Math.max(prefix.length, line.length - cut);
            const fastStart = fast.scan(line, prefix.length, end);
            const generalStart = general.scanFromEnd(line, prefix.length, end);
            expect(result(fast, fastStart, emptyParsed())).toEqual(
              result(general, generalStart, emptyParsed()),
            );
          },
        ),
        { numRuns: 3000 },
      );
    });
  }

  it.each([
    ["GET /x 200 duration_ms=32 request_id=req-1", 11, "32", "req-1"],
    ['User "frank" logged in DURATION_MS=27', 23, "27", undefined],
    ["a=1\tb=2 duration_ms=5", 0, "5", undefined],
    ['note="x y" duration_ms=5', 0, "5", undefined],
    ["a/b=1 duration_ms=5", 6, "5", undefined],
    ["duration_ms=5 trailing", 22, undefined, undefined],
  ])("%j: pairs start at %i", (line, start, duration, requestId) => {
    const pairs = new TrailingPairs(TABLES.defaults);
    const parsed = emptyParsed();
    expect(pairs.extract(line, 0, line.length, parsed)).toBe(start);
    expect(parsed.duration).toBe(duration);
    expect(parsed.request_id).toBe(requestId);
  });

  it("names the duration key as written in the table, or as written in the line", () => {
    const pairs = new TrailingPairs(TABLES.custom);
    const exact = emptyParsed();
    pairs.extract("done Took=5", 0, 11, exact);
    expect(exact.duration_field).toBe("Took");
    const other = emptyParsed();
    pairs.extract("done TOOK=5", 0, 11, other);
    expect(other.duration_field).toBe("TOOK");
  });
});
