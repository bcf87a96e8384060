import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDurationFeatures } from "../src/index.js";
import { logsWithDurations, type Storage, windowOf } from "./helpers.js";

/** Written by fixtures/numpy-reference.py (numpy.median, numpy.percentile(D, 95), max). */
const reference = JSON.parse(
  readFileSync(new URL("fixtures/numpy-reference.json", import.meta.url), "utf8"),
) as { quantiles: { values: number[]; median: number; p95: number; max: number }[] };

describe("duration features against numpy on 200 seeded lists", () => {
  it.each<Storage>(["logs", "summary"])("bit-identical, window stored as %s", (storage) => {
    expect(reference.quantiles).toHaveLength(200);
    for (const { values, median, p95, max } of reference.quantiles) {
      expect(extractDurationFeatures(windowOf(logsWithDurations(values), storage))).toEqual({
        median_duration_ms: median,
        p95_duration_ms: p95,
        max_duration_ms: max,
      });
    }
  });
});
