import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseBaseline } from "@logfeat/features";
import { describe, expect, it } from "vitest";
import { APP_DIR, NOW, runCli, temporaryFolder } from "./cli-harness.js";

const SAMPLE = join(APP_DIR, "samples", "checkout-service.log");

describe("logfeat baseline and compare (seed patterns 1 and 2)", () => {
  it("baseline writes a valid baseline file, per service when asked", () => {
    const folder = temporaryFolder();
    const out = join(folder, "baseline.json");
    const run = runCli([
      "baseline",
      SAMPLE,
      "--out",
      out,
      "--per-service",
      "--now",
      NOW,
      "--quiet",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const baseline = parseBaseline(readFileSync(out, "utf8"));
    expect(baseline.window_count).toBe(37);
    expect(Object.keys(baseline.services ?? {})).toEqual([
      "checkout-api",
      "inventory-db",
      "payment-service",
    ]);
    expect(baseline.global.error_rate?.count).toBe(37);
    expect(baseline.created_at).toBe("2025-03-01T00:00:00.000Z");
  });

  it("compare flags the windows above multiplier x the baseline mean", () => {
    const folder = temporaryFolder();
    const out = join(folder, "baseline.json");
    runCli(["baseline", SAMPLE, "--out", out, "--per-service", "--now", NOW, "--quiet"]);
    const run = runCli([
      "compare",
      SAMPLE,
      "--baseline",
      out,
      "--feature",
      "error_rate",
      "--multiplier",
      "3",
      "--quiet",
      "--output",
      "jsonl",
      "--now",
      NOW,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const flagged = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    const baseline = parseBaseline(readFileSync(out, "utf8"));
    const mean = baseline.services?.["payment-service"]?.error_rate?.mean ?? Number.NaN;
    // The sample has an error spike in payment-service from 10:35 to 10:42.
    expect(flagged.map((item) => `${item.service}@${item.window_start}`)).toContain(
      "payment-service@2025-02-07T10:35:00.000Z",
    );
    for (const item of flagged) {
      expect(item.feature).toBe("error_rate");
      expect(item.value).toBeGreaterThan(item.threshold);
      if (item.service === "payment-service") expect(item.threshold).toBeCloseTo(mean * 3, 12);
    }
  });

  it("compare reports a malformed baseline file as a usage error naming the bad path", () => {
    const folder = temporaryFolder();
    const bad = join(folder, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({
        kind: "logfeat-baseline",
        version: 1,
        created_at: NOW,
        window_count: 1,
        global: { error_rate: { count: 1, min: 0, max: 0, mean: "zero", median: 0, stdev: 0 } },
      }),
    );
    const run = runCli(["compare", SAMPLE, "--baseline", bad, "--quiet"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/global\.error_rate\.mean/);
  });

  it("baseline without --out is a usage error", () => {
    const run = runCli(["baseline", SAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out/);
  });
});
