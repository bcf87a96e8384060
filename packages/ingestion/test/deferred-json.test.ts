import type { BatchAccounting, Diagnostic, RawRecord, TextRawRecord } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestLogs, JSONLogSource, JsonLineParser } from "../src/index.js";
import { collect } from "./helpers.js";

const MAX_RECORD_BYTES = 64;

/** JSON Lines lines of every kind: objects, other values, broken JSON, blank, too long. */
const line = fc.oneof(
  fc
    .record({ a: fc.integer(), m: fc.string({ maxLength: 8 }) })
    .map((value) => JSON.stringify(value)),
  fc.constantFrom("[1,2]", "42", "null", '"text"', "{bad", '{"a":', "", "   ", '\t{"x":1}  '),
  fc.string({ maxLength: 10 }),
  fc.constant(JSON.stringify({ long: "x".repeat(MAX_RECORD_BYTES) })),
);

/** A source read with `deferJsonParsing`, then its lines read by a JsonLineParser in `batches`. */
async function deferred(text: string, batchSize: number) {
  const { records, accounting } = await collect(
    ingestLogs(
      { text },
      { format: "json", deferJsonParsing: true, maxRecordBytes: MAX_RECORD_BYTES },
    ),
  );
  const parser = new JsonLineParser();
  const parsed: RawRecord[] = [];
  const batches: BatchAccounting[] = [];
  for (let start = 0; start < records.length; start += batchSize) {
    for (const record of records.slice(start, start + batchSize)) {
      expect(record.format).toBe("text");
      const json = parser.parse(record as TextRawRecord);
      if (json !== null) parsed.push(json);
    }
    batches.push(parser.takeAccounting());
  }
  return { parsed, accounting, batches };
}

describe("deferJsonParsing + JsonLineParser", () => {
  it("give the records, skips and diagnostics of reading the JSON in the source", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (lines, batchSize) => {
          const text = lines.join("\n");
          const direct = await collect(
            new JSONLogSource({ text }, { maxRecordBytes: MAX_RECORD_BYTES }),
          );
          const { parsed, accounting, batches } = await deferred(text, batchSize);
          expect(parsed).toEqual(direct.records);
          const all: Diagnostic[] = [
            ...accounting.diagnostics,
            ...batches.flatMap((batch) => batch.diagnostics),
          ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
          expect(all).toEqual(direct.accounting.diagnostics);
          const skipped = batches.reduce((sum, batch) => sum + batch.skipped, accounting.skipped);
          expect(skipped).toBe(direct.accounting.skipped);
        },
      ),
    );
  });

  it("leaves a top-level JSON array parsed as usual", async () => {
    const { records } = await collect(
      ingestLogs({ text: '[{"a":1},{"b":2}]' }, { format: "json", deferJsonParsing: true }),
    );
    expect(records.map((record) => [record.format, record.payload])).toEqual([
      ["json", { a: 1 }],
      ["json", { b: 2 }],
    ]);
  });

  it("rejects a deferJsonParsing that is not a boolean", () => {
    expect(() => ingestLogs({ text: "" }, { deferJsonParsing: "yes" as never })).toThrow(
      /deferJsonParsing/,
    );
  });
});
