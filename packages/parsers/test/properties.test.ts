import { type Diagnostic, ParsedLogSchema } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createParser, FIELD_ALIASES, listLayouts, parseLogs } from "../src/index.js";
import { jsonRecord, textRecord } from "./helpers/records.js";

const LAYOUTS = listLayouts().map((layout) => layout.name);

/** Strings that look a little like log lines, plus arbitrary text. */
const lineLike = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        "2025-02-07T10:15:30Z",
        "INFO",
        "[api]",
        "api:",
        "-",
        "<34>",
        "<13>1",
        "Mar 27 13:06:56",
        "host",
        "sshd[1]:",
        "key=value",
        'q="a b"',
        '"',
        "=",
        "\\",
        "(523ms)",
        "took",
        "1.5s",
        "\t",
        "\n",
        " ",
        "[",
        "]",
        "|",
        "[Sun Dec 04 04:47:44 2005]",
        "[error]",
        '"GET / HTTP/1.0"',
        "200",
        "ts=1",
        "level=warn",
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(" ")),
);

/** Keys biased towards the aliases, in any case. */
const jsonKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc
    .constantFrom(
      ...Object.values(FIELD_ALIASES).flat(),
      "severity_number",
      "log",
      "service",
      "event",
    )
    .chain((name) =>
      fc.constantFrom(name, name.toUpperCase(), `${name[0]?.toUpperCase()}${name.slice(1)}`),
    ),
);

describe("properties", () => {
  it("any text line in any layout gives a valid ParsedLog, or null with exactly one diagnostic; never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAYOUTS), lineLike, (layout, line) => {
        const seen: Diagnostic[] = [];
        const parser = createParser({
          layout,
          onDiagnostic: (diagnostic) => seen.push(diagnostic),
        });
        const parsed = parser.parse(textRecord(line, 3));
        if (parsed === null) {
          expect(seen).toHaveLength(1);
          expect(seen[0]?.line).toBe(3);
          expect((seen[0]?.value ?? "").length).toBeLessThanOrEqual(200);
        } else {
          expect(seen).toHaveLength(0);
          expect(ParsedLogSchema.safeParse(parsed).success).toBe(true);
          expect(parsed.line).toBe(3);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("the same input gives the same output", () => {
    fc.assert(
      fc.property(fc.array(lineLike, { maxLength: 20 }), (lines) => {
        const records = lines.map((line, index) => textRecord(line, index + 1));
        expect(parseLogs(records)).toEqual(parseLogs(records));
      }),
      { numRuns: 200 },
    );
  });

  it("nothing is lost: parsed + skipped = records, and skips are counted per code", () => {
    fc.assert(
      fc.property(fc.array(lineLike, { maxLength: 30 }), (lines) => {
        const result = parseLogs(lines.map((line, index) => textRecord(line, index + 1)));
        expect(result.parsed.length + result.skipped).toBe(lines.length);
        const perCode = Object.values(result.skippedByCode).reduce((sum, count) => sum + count, 0);
        expect(perCode).toBe(result.skipped);
      }),
      { numRuns: 300 },
    );
  });

  it("a generated standard line comes back field by field", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        fc.constantFrom("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL", "warn"),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
        fc.option(word, { nil: undefined }),
        fc.constantFrom(0, 1, 2),
        (date, level, service, words, duration, requestId, form) => {
          const timestamp = date.toISOString();
          const message = words.join(" ");
          const head = [
            `${timestamp} ${level} [${service}]`,
            `${timestamp} [${level}] ${service}:`,
            `${timestamp} ${level} ${service} -`,
          ][form];
          const pairs = `${duration === undefined ? "" : ` duration_ms=${duration}`}${
            requestId === undefined ? "" : ` request_id="${requestId}"`
          }`;
          const parsed = createParser().parse(textRecord(`${head} ${message}${pairs}`));
          expect(parsed).toMatchObject({ timestamp, level, service, message });
          expect(parsed?.duration).toBe(duration === undefined ? undefined : String(duration));
          expect(parsed?.request_id).toBe(requestId);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("any JSON object gives a ParsedLog; every key is either a field or kept in extra", () => {
    fc.assert(
      fc.property(fc.dictionary(jsonKey, fc.jsonValue({ maxDepth: 2 })), (payload) => {
        const parsed = createParser().parse(jsonRecord(payload));
        expect(parsed).not.toBeNull();
        if (parsed === null) return;
        expect(ParsedLogSchema.safeParse(parsed).success).toBe(true);
        const fieldValues = [
          parsed.timestamp,
          parsed.level,
          parsed.service,
          parsed.message,
          parsed.duration,
          parsed.error_code,
          parsed.request_id,
        ];
        for (const [key, value] of Object.entries(payload)) {
          if (Object.hasOwn(parsed.extra, key)) expect(parsed.extra[key]).toEqual(value);
          else {
            expect(typeof value === "string" || typeof value === "number").toBe(true);
            expect(
              fieldValues.includes(value as string) || fieldValues.includes(String(value)),
            ).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("linear-time matching", () => {
  // loghub's own patterns (every field `.*?`) backtrack exponentially on long
  // lines that almost fit; these lines would hang such patterns for hours.
  const adversarial = [
    "a ".repeat(20_000),
    "081109 203615 148 INFO ".repeat(2_000),
    `2015-07-29 17:41:44,747 - INFO  [${"a:".repeat(20_000)}`,
    `Jun 14 15:16:01 combo ${"x(1:2) ".repeat(5_000)}`,
    `[10.30 16:49:06] ${"chrome.exe ".repeat(5_000)}`,
    `- 1131567043 2005.11.09 host Nov 9 12:10:43 loc ${"a: b".repeat(5_000)}`,
    `2025-02-07T10:15:30Z INFO [api] ${"k=v ".repeat(10_000)}x`,
    `level=info ${'msg="a\\" '.repeat(5_000)}`,
  ];
  const layouts = [...LAYOUTS, "<A> <B> <C> <D> <E> <F>: <G>", "[<A>] <B> - <C> (<D>)"];

  it.each(layouts)("layout %s answers on long lines that almost fit", (layout) => {
    const parser = createParser({ layout });
    for (const line of adversarial) {
      const parsed = parser.parse(textRecord(line));
      expect(parsed === null || typeof parsed.line === "number").toBe(true);
    }
  });
});
