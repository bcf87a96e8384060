import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { featuresToJsonl } from "@logfeat/features";
import { runPipeline } from "@logfeat/pipeline";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS_FORMATS } from "../src/corpus-formats.js";
import { corpusFilePath, writeCorpus } from "../src/corpus-writer.js";
import { countDifferingWindows } from "../src/duckdb-comparison.js";
import { runDuckdbAggregation } from "../src/duckdb-run.js";

const directory = mkdtempSync(join(tmpdir(), "logfeat-bench-test-"));
const manifest = writeCorpus(directory, { records: 4000, seed: 9 });
const now = Date.parse("2025-01-01T00:00:00Z");

afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function featuresOf(format: (typeof CORPUS_FORMATS)[number]) {
  return runPipeline(corpusFilePath(directory, manifest, format), { now });
}

describe("the corpus through logfeat", () => {
  it("gives the same features in every format, every malformed record skipped", async () => {
    const outputs: string[] = [];
    for (const format of CORPUS_FORMATS) {
      const result = await featuresOf(format);
      expect(result.ledger.records_in).toBe(manifest.records);
      expect(result.ledger.entries).toBe(manifest.records - manifest.malformed);
      outputs.push(featuresToJsonl(result.features));
    }
    expect(manifest.malformed).toBeGreaterThan(0);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });
});

describe("the DuckDB side", () => {
  it.each(["text", "csv"] as const)("computes logfeat's features in SQL (%s)", async (format) => {
    const features = featuresToJsonl((await featuresOf(format)).features)
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const rows = await runDuckdbAggregation(format, corpusFilePath(directory, manifest, format));
    expect(rows.length).toBe(features.length);
    expect(countDifferingWindows(features, rows)).toBe(0);
  });
});
