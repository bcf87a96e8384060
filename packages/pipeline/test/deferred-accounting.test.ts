import { ingestLogs, JsonLineParser } from "@logfeat/ingestion";
import type { BatchAccounting, RawRecord, TextRawRecord } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeByLine } from "../src/deferred-accounting.js";

const line = fc.oneof(
  fc.constant('{"a":1}'),
  fc.constantFrom("[1]", "{bad", "7", "", ' {"b":2}'),
  fc.constant(`{"long":"${"x".repeat(40)}"}`),
);

async function accountingOf(text: string, defer: boolean, maxDiagnostics: number, batch: number) {
  const source = ingestLogs(
    { text },
    { format: "json", maxRecordBytes: 30, maxDiagnostics, deferJsonParsing: defer },
  );
  const records: RawRecord[] = [];
  for await (const chunk of source.chunks()) records.push(...chunk);
  if (!defer) return source.accounting();
  const parser = new JsonLineParser({ maxDiagnostics });
  const batches: BatchAccounting[] = [];
  for (let start = 0; start < records.length; start += batch) {
    for (const record of records.slice(start, start + batch)) parser.parse(record as TextRawRecord);
    batches.push(parser.takeAccounting());
  }
  return mergeByLine(source.accounting(), batches, maxDiagnostics);
}

describe("mergeByLine", () => {
  it("gives the accounting of reading the JSON in the source, whatever the cap and batches", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        async (lines, maxDiagnostics, batch) => {
          const text = lines.join("\n");
          const expected = await accountingOf(text, false, maxDiagnostics, batch);
          const merged = await accountingOf(text, true, maxDiagnostics, batch);
          expect(merged.skipped).toBe(expected.skipped);
          expect(merged.diagnostics).toEqual(expected.diagnostics);
          expect(merged.diagnosticsOmitted).toBe(expected.diagnosticsOmitted);
          expect(Object.entries(merged.skippedByCode).sort()).toEqual(
            Object.entries(expected.skippedByCode).sort(),
          );
        },
      ),
    );
  });
});
