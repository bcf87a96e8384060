import { AggregationError, ConfigError, MAX_WINDOW_SIZE_SECONDS } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { aggregateLogs, alignTimestampToWindow, createAggregator } from "../src/index.js";
import { at } from "./entries.js";

function thrown(action: () => unknown): AggregationError {
  try {
    action();
  } catch (error) {
    if (error instanceof AggregationError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("option validation", () => {
  it.each([
    [0, "0"],
    [-1, "-1"],
    [Number.NaN, "NaN"],
    [1.5, "1.5"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    ["300", '"300"'],
    [MAX_WINDOW_SIZE_SECONDS + 1, String(MAX_WINDOW_SIZE_SECONDS + 1)],
    [null, "null"],
  ])("windowSizeSeconds %s throws AggregationError naming option and value", (value, shown) => {
    for (const action of [
      () => aggregateLogs([], { windowSizeSeconds: value as number }),
      () => createAggregator({ windowSizeSeconds: value as number }),
      () => alignTimestampToWindow(at("2025-02-07T10:00:00.000Z"), value as number),
    ]) {
      const error = thrown(action);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.name).toBe("AggregationError");
      expect(error.option).toBe("windowSizeSeconds");
      expect(error.value).toBe(value);
      expect(error.message).toContain('"windowSizeSeconds"');
      expect(error.message).toContain(`received ${shown}`);
    }
  });

  it("accepts 1 s and 31 days", () => {
    expect(() => aggregateLogs([], { windowSizeSeconds: 1 })).not.toThrow();
    expect(() => aggregateLogs([], { windowSizeSeconds: MAX_WINDOW_SIZE_SECONDS })).not.toThrow();
  });

  it.each([["Mars/Base"], [""], ["   "], [42], [null]])("timeZone %j throws", (value) => {
    for (const action of [
      () => aggregateLogs([], { timeZone: value as string }),
      () => createAggregator({ timeZone: value as string }),
      () =>
        alignTimestampToWindow(at("2025-02-07T10:00:00.000Z"), 86400, {
          timeZone: value as string,
        }),
    ]) {
      const error = thrown(action);
      expect(error.option).toBe("timeZone");
      expect(error.value).toBe(value);
      expect(error.message).toMatch(/^Invalid option "timeZone": expected an IANA time zone/);
    }
  });

  it.each([[-1], [Number.NaN], [Number.NEGATIVE_INFINITY], ["60"], [null]])(
    "allowedLatenessSeconds %s throws",
    (value) => {
      const error = thrown(() => createAggregator({ allowedLatenessSeconds: value as number }));
      expect(error.option).toBe("allowedLatenessSeconds");
      expect(error.value).toBe(value);
    },
  );

  it("accepts lateness 0, fractions and Infinity", () => {
    for (const allowedLatenessSeconds of [0, 0.5, 3600, Number.POSITIVE_INFINITY])
      expect(() => createAggregator({ allowedLatenessSeconds })).not.toThrow();
  });

  it.each([
    [{ retainLogs: "yes" }, "retainLogs"],
    [{ fillGaps: 1 }, "fillGaps"],
    [{ maxDiagnostics: -1 }, "maxDiagnostics"],
    [{ maxDiagnostics: 1.5 }, "maxDiagnostics"],
    [{ onDiagnostic: "log" }, "onDiagnostic"],
    [{ reuseDurationBuffers: "yes" }, "reuseDurationBuffers"],
    [{ windowSize: 300 }, "windowSize"],
  ])("%j throws naming %s", (options, option) => {
    const error = thrown(() => createAggregator(options as never));
    expect(error.option).toBe(option);
    expect(error.value).toBe(Object.values(options)[0]);
  });

  it("rejects streaming-only options in aggregateLogs", () => {
    expect(thrown(() => aggregateLogs([], { allowedLatenessSeconds: 5 } as never)).option).toBe(
      "allowedLatenessSeconds",
    );
    expect(thrown(() => aggregateLogs([], { reuseDurationBuffers: true } as never)).option).toBe(
      "reuseDurationBuffers",
    );
  });
});
