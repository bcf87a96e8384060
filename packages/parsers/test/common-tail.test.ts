import type { ParsedLog } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommonTail } from "../src/common-tail.js";
import { type FieldMap, resolveTextAliasTable } from "../src/field-aliases.js";
import { parseStandardLine, StandardTextLineParser } from "../src/standard-text-line-parser.js";
import { TrailingPairs } from "../src/trailing-pairs.js";
import { textRecord } from "./helpers/records.js";

const head = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("INFO", "warn", "ERROR"),
      fc.constantFrom("api", "", "a b", "x=y", " ", "order-service"),
    )
    .map(([level, service]) => `${level} [${service}]`),
  fc
    .tuple(fc.constantFrom("INFO", "Debug"), fc.constantFrom("api", "svc.x", "a=b"))
    .map(([level, service]) => `${level} ${service} -`),
  fc
    .tuple(fc.constantFrom("INFO", "warn"), fc.constantFrom("api", "svc.x", "a=b"))
    .map(([level, service]) => `[${level}] ${service}:`),
);

const word = fc.constantFrom(
  "GET",
  "/x",
  "200",
  "done",
  "took",
  "1.5s",
  "(5ms)",
  "é",
  "\u00a0",
  "a\tb",
  "x=y",
  "=",
  '"q"',
  "code",
  "ok.",
  "-",
);

/** Keys: the first aliases of both tables below in several cases, other aliases, other keys. */
const key = fc.constantFrom(
  "duration_ms",
  "duration_ms",
  "error_code",
  "request_id",
  "request_id",
  "DURATION_MS",
  "Request_Id",
  "latency_ms",
  "took",
  "user",
  "__proto__",
  "a/b",
  "RespTime",
  "resptime",
  "x.y@z-1",
  "xay@z-1",
);

const value = fc.constantFrom(
  "5",
  "5",
  "req-1",
  "",
  '"q"',
  "a=b",
  "x\u00a0y",
  "1.5s",
  "é",
  "(5ms)",
);

/** Standard lines, most of them ending in pairs separated by one space. */
const line = fc
  .tuple(
    fc.constantFrom("2025-02-07T10:15:30Z", "2025-02-07 10:15:30.123+02:00", "2025-02-07T10:15"),
    head,
    fc.constantFrom(" ", " ", "  ", "\t"),
    fc.array(word, { maxLength: 5 }),
    fc.array(fc.tuple(fc.constantFrom(" ", " ", " ", "  ", "\t", ""), key, value), {
      maxLength: 4,
    }),
  )
  .map(([timestamp, start, gap, words, pairs]) =>
    `${timestamp} ${start}${gap}${words.join(" ")}${pairs
      .map(([separator, name, found]) => `${separator}${name}=${found}`)
      .join("")}`.trim(),
  );

const FIELD_MAPS: Record<string, FieldMap | undefined> = {
  defaults: undefined,
  custom: { duration: ["RespTime", "took"], request_id: ["x.y@z-1", "rid"] },
};

/** A ParsedLog with the order of its keys and of `extra`'s. */
function withKeyOrder(parsed: ParsedLog | null): unknown {
  return parsed === null
    ? null
    : { parsed, keys: Object.keys(parsed), extraKeys: Object.keys(parsed.extra) };
}

describe("CommonTail", () => {
  it("writes its pattern with the first alias of each field, dots escaped", () => {
    const pairs = new TrailingPairs(
      resolveTextAliasTable({ duration: ["event.duration"], error_code: [] }),
    );
    const tail = new CommonTail(pairs.firstAliases());
    const regex = new RegExp(`^x${tail.source}$`);
    expect(regex.exec("x event.duration=5 request_id=r")?.slice(1)).toEqual([
      "5",
      undefined,
      undefined,
      "r",
    ]);
    expect(regex.test("x eventXduration=5")).toBe(false);
  });

  for (const [name, fieldMap] of Object.entries(FIELD_MAPS)) {
    const options = fieldMap === undefined ? {} : { fieldMap };
    const pairs = new TrailingPairs(resolveTextAliasTable(fieldMap));

    it(`a line read with the common tail equals the general reading (${name} aliases)`, () => {
      fc.assert(
        fc.property(line, (text) => {
          // A new parser tries the common tail first (see tailCredit).
          const parser = new StandardTextLineParser(options);
          const raw = textRecord(text);
          expect(withKeyOrder(parser.parseText(text, raw))).toEqual(
            withKeyOrder(parseStandardLine(text, raw, pairs)),
          );
        }),
        { numRuns: 1500 },
      );
    });

    it(`a parser reading many lines (common tails coming and going) reads each as the general reading does (${name} aliases)`, () => {
      fc.assert(
        fc.property(fc.array(line, { maxLength: 120 }), (texts) => {
          const parser = new StandardTextLineParser(options);
          for (const text of texts) {
            const raw = textRecord(text);
            expect(withKeyOrder(parser.parseText(text, raw))).toEqual(
              withKeyOrder(parseStandardLine(text, raw, pairs)),
            );
          }
        }),
        { numRuns: 50 },
      );
    });
  }
});
