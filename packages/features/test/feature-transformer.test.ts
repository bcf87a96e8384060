import { readFileSync } from "node:fs";
import { type EpochMillis, FEATURE_NAMES, type FeatureVector } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { extractFeatures, FeatureTransformer } from "../src/index.js";
import { FIXED_NOW, logEntry, WINDOW_START, windowOf } from "./helpers.js";

/** A vector whose every feature is `value` except the given overrides. */
function vector(overrides: Partial<FeatureVector> = {}): FeatureVector {
  const base = extractFeatures(windowOf([logEntry({ duration_ms: 1 })]), { now: FIXED_NOW });
  return { ...base, ...overrides };
}

function vectorsWith(name: keyof FeatureVector, values: (number | null)[]): FeatureVector[] {
  return values.map((value, index) =>
    vector({ [name]: value, window_start: (WINDOW_START + index * 300_000) as EpochMillis }),
  );
}

describe("getStatistics", () => {
  it("the classic example: mean 5, median 4.5, sample stdev sqrt(32 / 7)", () => {
    // values 2 4 4 4 5 5 7 9: sum 40, mean 5; sorted middle pair (4, 5) -> median 4.5;
    // squared deviations 9 1 1 1 0 0 4 16 = 32; sample variance 32 / 7; stdev 2.138089935299395
    // (Python statistics.stdev gives the same digits; the population stdev would be 2).
    const transformer = new FeatureTransformer(
      vectorsWith("total_events", [2, 4, 4, 4, 5, 5, 7, 9]),
    );
    expect(transformer.getStatistics("total_events")).toEqual({
      count: 8,
      min: 2,
      max: 9,
      mean: 5,
      median: 4.5,
      stdev: 2.138089935299395,
    });
  });

  it("one value: stdev 0", () => {
    const transformer = new FeatureTransformer(vectorsWith("error_rate", [0.25]));
    expect(transformer.getStatistics("error_rate")).toEqual({
      count: 1,
      min: 0.25,
      max: 0.25,
      mean: 0.25,
      median: 0.25,
      stdev: 0,
    });
  });

  it("equal values: the mean is the value itself and stdev is exactly 0", () => {
    // naive (0.1 + 0.1 + 0.1) / 3 would be 0.10000000000000002
    const transformer = new FeatureTransformer(vectorsWith("error_rate", [0.1, 0.1, 0.1]));
    expect(transformer.getStatistics("error_rate")).toMatchObject({ mean: 0.1, stdev: 0 });
  });

  it("the mean is the correctly rounded sum over the count, whatever the order", () => {
    // 0.01 + 0.02 + 0.05 + 0.2 summed left to right gives 0.28 here, but other orders can differ
    // by an ulp; the exact sum rounds to 0.28 and 0.28 / 4 = 0.07 (Python statistics.mean: 0.07).
    const values = [0.2, 0.05, 0.01, 0.02];
    const forward = new FeatureTransformer(vectorsWith("error_rate", values));
    const backward = new FeatureTransformer(vectorsWith("error_rate", [...values].reverse()));
    expect(forward.getStatistics("error_rate")).toEqual({
      count: 4,
      min: 0.01,
      max: 0.2,
      mean: 0.07,
      median: 0.035,
      stdev: 0.08831760866327848,
    });
    expect(backward.getStatistics("error_rate")).toEqual(forward.getStatistics("error_rate"));
  });

  it("nulls are left out; all null or no vectors gives null", () => {
    const transformer = new FeatureTransformer(
      vectorsWith("median_duration_ms", [null, 10, null, 30]),
    );
    expect(transformer.getStatistics("median_duration_ms")).toMatchObject({
      count: 2,
      mean: 20,
      median: 20,
    });
    expect(
      new FeatureTransformer(vectorsWith("p95_duration_ms", [null, null])).getStatistics(
        "p95_duration_ms",
      ),
    ).toBeNull();
    expect(new FeatureTransformer([]).getStatistics("error_rate")).toBeNull();
  });

  it("agrees with Python's exact statistics module within 2 ulps on the reference lists", () => {
    const reference = JSON.parse(
      readFileSync(new URL("fixtures/numpy-reference.json", import.meta.url), "utf8"),
    ) as { statistics: { values: number[]; mean: number; median: number; stdev: number }[] };
    for (const { values, mean, median, stdev } of reference.statistics) {
      const statistics = new FeatureTransformer(
        vectorsWith("max_duration_ms", values),
      ).getStatistics("max_duration_ms");
      expect(statistics?.median).toBe(median);
      expect(Math.abs((statistics?.mean ?? 0) - mean)).toBeLessThanOrEqual(
        2 * Number.EPSILON * mean,
      );
      expect(Math.abs((statistics?.stdev ?? 0) - stdev)).toBeLessThanOrEqual(
        2 * Number.EPSILON * stdev,
      );
    }
  });

  it("an unknown name throws a ConfigError listing the valid names", () => {
    const transformer = new FeatureTransformer([vector()]);
    expect(() => transformer.getStatistics("error_ratio" as never)).toThrow(
      `Invalid option "name": expected one of the feature names ${FEATURE_NAMES.join(", ")}, received "error_ratio"`,
    );
  });
});

describe("compareToBaseline", () => {
  const baseline = { count: 4, min: 0.01, max: 0.2, mean: 0.04, median: 0.035, stdev: 0.01 };
  const transformer = new FeatureTransformer(
    vectorsWith("error_rate", [0.01, 0.08, 0.09, 0.5, 0.02]),
  );

  it("flags values strictly above mean * multiplier (default 2.0)", () => {
    // threshold 0.04 * 2 = 0.08: 0.08 is not above it; 0.09 and 0.5 are
    expect(transformer.compareToBaseline("error_rate", baseline)).toEqual([2, 3]);
    expect(transformer.compareToBaseline("error_rate", baseline, 10)).toEqual([3]);
    expect(transformer.compareToBaseline("error_rate", baseline, 0)).toEqual([0, 1, 2, 3, 4]);
  });

  it("never flags null values", () => {
    const durations = new FeatureTransformer(vectorsWith("max_duration_ms", [null, 100, null]));
    expect(
      durations.compareToBaseline("max_duration_ms", { ...baseline, min: 0, max: 200, mean: 1 }),
    ).toEqual([1]);
  });

  it.each([
    ["NaN", Number.NaN],
    ["negative", -1],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a string", "2"],
  ])("rejects a multiplier that is %s", (_title, multiplier) => {
    expect(() =>
      transformer.compareToBaseline("error_rate", baseline, multiplier as never),
    ).toThrow(/Invalid option "multiplier"/);
  });

  it("rejects a missing or malformed baseline with a ConfigError naming the field", () => {
    expect(() => transformer.compareToBaseline("error_rate", null as never)).toThrow(
      /Invalid option "baseline"/,
    );
    expect(() =>
      transformer.compareToBaseline("error_rate", { ...baseline, mean: Number.NaN }),
    ).toThrow(/Invalid option "baseline.mean"/);
  });
});

describe("zScores", () => {
  it("(value - mean) / stdev against the list's own statistics", () => {
    // mean 5, stdev 2.138089935299395 (see getStatistics); Python gives the same quotients
    const transformer = new FeatureTransformer(vectorsWith("total_events", [2, 4, 5, 9]));
    const statistics = transformer.getStatistics("total_events");
    expect(statistics).toMatchObject({ mean: 5 });
    const scores = transformer.zScores("total_events");
    const stdev = statistics?.stdev as number;
    expect(scores).toEqual([-3 / stdev, -1 / stdev, 0, 4 / stdev]);
  });

  it("against a given baseline, nulls staying null, stdev 0 giving 0", () => {
    const transformer = new FeatureTransformer(vectorsWith("max_duration_ms", [10, null, 30]));
    const baseline = { count: 9, min: 0, max: 40, mean: 20, median: 20, stdev: 5 };
    expect(transformer.zScores("max_duration_ms", baseline)).toEqual([-2, null, 2]);
    expect(transformer.zScores("max_duration_ms", { ...baseline, stdev: 0 })).toEqual([0, null, 0]);
    const allNull = new FeatureTransformer(vectorsWith("max_duration_ms", [null, null]));
    expect(allNull.zScores("max_duration_ms")).toEqual([null, null]);
  });
});

describe("toMatrix", () => {
  const vectors = [
    vector({ error_rate: 0.5, median_duration_ms: null }),
    vector({ error_rate: 0.25, median_duration_ms: 12 }),
  ];
  const transformer = new FeatureTransformer(vectors);

  it("rows are vectors, columns the names in the order given; null stays null", () => {
    expect(transformer.toMatrix(["median_duration_ms", "error_rate"])).toEqual([
      [null, 0.5],
      [12, 0.25],
    ]);
  });

  it("fillNull replaces nulls (NaN for numeric libraries)", () => {
    const matrix = transformer.toMatrix(["median_duration_ms"], { fillNull: Number.NaN });
    expect(matrix[0]?.[0]).toBeNaN();
    expect(matrix[1]).toEqual([12]);
  });

  it("defaults to all 11 features in CSV order", () => {
    const matrix = transformer.toMatrix();
    expect(matrix[1]).toEqual(FEATURE_NAMES.map((name) => vectors[1]?.[name]));
  });

  it("rejects unknown or empty names and a non-number fillNull", () => {
    expect(() => transformer.toMatrix(["nope" as never])).toThrow(/Invalid option "names.0"/);
    expect(() => transformer.toMatrix([])).toThrow(/Invalid option "names"/);
    expect(() => transformer.toMatrix(undefined, { fillNull: "0" as never })).toThrow(
      /Invalid option "fillNull"/,
    );
  });
});

describe("construction", () => {
  it("copies the list: later pushes do not change the transformer", () => {
    const list = [vector()];
    const transformer = new FeatureTransformer(list);
    list.push(vector());
    expect(transformer.features).toHaveLength(1);
    expect(Object.isFrozen(transformer.features)).toBe(true);
  });

  it.each([
    ["a string rate", { error_rate: "0.5" }, "features.0.error_rate"],
    ["a NaN count", { total_events: Number.NaN }, "features.0.total_events"],
    ["a null count", { error_count: null }, "features.0.error_count"],
  ])("rejects %s with a ConfigError naming the value", (_title, overrides, option) => {
    expect(() => new FeatureTransformer([vector(overrides as never)])).toThrow(
      `Invalid option "${option}"`,
    );
  });

  it("rejects something that is not a list", () => {
    expect(() => new FeatureTransformer(5 as never)).toThrow(/Invalid option "features"/);
  });
});
