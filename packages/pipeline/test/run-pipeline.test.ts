import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { ConfigError } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { defaultServiceFor, formatLedger, ledgerProblems, runPipeline } from "../src/index.js";

const LINES = [
  "2025-02-07T10:15:30.123Z ERROR [api-server] DB timeout duration_ms=523 error_code=DB_TIMEOUT request_id=req-42",
  "2025-02-07T10:16:00.000Z INFO [api-server] GET /health 200 duration_ms=3",
  "2025-02-07T10:21:00.000Z WARN [worker] queue depth 120",
  "this line is garbage",
  "2025-02-07T10:22:00.000Z LOUD [worker] unknown level",
  "2025-02-07T10:23:00.000Z no level here at all",
];

function file(name: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), "logfeat-pipeline-"));
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe("runPipeline", () => {
  it("runs every stage and returns features ordered by window then service", async () => {
    const result = await runPipeline(file("app.log", `${LINES.join("\n")}\n`), {
      now: Date.UTC(2025, 1, 8),
      referenceTime: "2025-02-08T00:00:00Z",
    });
    expect(
      result.features.map((vector) => [
        new Date(vector.window_start).toISOString(),
        vector.service,
      ]),
    ).toEqual([
      ["2025-02-07T10:15:00.000Z", "api-server"],
      ["2025-02-07T10:20:00.000Z", "worker"],
    ]);
    const api = result.features[0]!;
    expect(api.total_events).toBe(2);
    expect(api.error_count).toBe(1);
    expect(api.max_duration_ms).toBe(523);
    expect(api.metadata.extraction_timestamp).toBe("2025-02-08T00:00:00.000Z");
    expect(result.ledger.records_in).toBe(6);
    expect(result.ledger.skipped_by_code["no_layout_match"]).toBeGreaterThanOrEqual(1);
    expect(result.ledger.skipped_by_code["invalid_level"]).toBe(1);
    const totalEvents = result.features.reduce((sum, vector) => sum + vector.total_events, 0);
    expect(ledgerProblems(result.ledger, result.details, totalEvents)).toEqual([]);
    expect(result.details.reference_time_source).toBe("option");
    expect(result.details.default_service).toBe("app");
  });

  it("keepWindows: false drops the windows but not their count, features or ledger", async () => {
    const path = file("app.log", `${LINES.join("\n")}\n`);
    const options = { now: Date.UTC(2025, 1, 8), referenceTime: "2025-02-08T00:00:00Z" };
    const kept = await runPipeline(path, options);
    const dropped = await runPipeline(path, { ...options, keepWindows: false });
    expect(kept.windows).toHaveLength(2);
    expect(dropped.windows).toEqual([]);
    expect(dropped.features).toEqual(kept.features);
    expect({ ...dropped.ledger, elapsed_ms: 0 }).toEqual({ ...kept.ledger, elapsed_ms: 0 });
  });

  it.each([0, 60, Number.POSITIVE_INFINITY])(
    "keepWindows: false gives the same features over many windows (allowedLatenessSeconds %s)",
    async (allowedLatenessSeconds) => {
      // 2,000 records over about 3 hours, three services, some out of order, fractional and whole durations.
      const lines: string[] = [];
      for (let index = 0; index < 2000; index += 1) {
        const shift = index % 17 === 0 ? -90_000 : 0;
        const at = new Date(Date.UTC(2025, 1, 7, 9) + index * 5_000 + shift).toISOString();
        const service = ["api", "db", "worker"][index % 3];
        const level = index % 11 === 0 ? "ERROR" : "INFO";
        const duration = index % 5 === 0 ? `${(index % 700) + 0.5}` : `${(index * 37) % 90_000}`;
        lines.push(
          `${at} ${level} [${service}] request ${index % 40} done duration_ms=${duration}`,
        );
      }
      const path = file("many.log", `${lines.join("\n")}\n`);
      const options = { now: Date.UTC(2025, 1, 8), referenceTime: 0, allowedLatenessSeconds };
      const kept = await runPipeline(path, options);
      const dropped = await runPipeline(path, { ...options, keepWindows: false });
      expect(kept.windows.length).toBeGreaterThan(100);
      expect(dropped.features).toEqual(kept.features);
      expect({ ...dropped.ledger, elapsed_ms: 0 }).toEqual({ ...kept.ledger, elapsed_ms: 0 });
    },
  );

  it("reads a Node stream (stdin) like a file", async () => {
    const text = `${LINES.slice(0, 3).join("\n")}\n`;
    const fromStream = await runPipeline(Readable.from([text]), {
      now: 0,
      referenceTime: 0,
      defaultService: "app",
    });
    const fromFile = await runPipeline(file("app.log", text), { now: 0, referenceTime: 0 });
    expect(fromStream.features).toEqual(fromFile.features);
  });

  it("takes the reference time from the file's modification time by default", async () => {
    const result = await runPipeline(file("app.log", `${LINES[0]}\n`), { now: 0 });
    expect(result.details.reference_time_source).toBe("file-mtime");
  });

  it("rejects bad options before reading, naming the option", async () => {
    const path = file("app.log", `${LINES[0]}\n`);
    await expect(runPipeline(path, { windowSizeSeconds: 0 })).rejects.toThrow(/windowSizeSeconds/);
    await expect(runPipeline(path, { timeZone: "Mars/Base" })).rejects.toThrow(/timeZone/);
    await expect(runPipeline(path, { referenceTime: "yesterday" })).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it("rejects a missing file with an error naming the path", async () => {
    await expect(runPipeline("/no/such/dir/app.log")).rejects.toThrow(/\/no\/such\/dir\/app\.log/);
  });

  it("formats a ledger with the top reasons and examples", async () => {
    const result = await runPipeline(file("app.log", `${LINES.join("\n")}\n`), {
      now: 0,
      referenceTime: 0,
    });
    const text = formatLedger(result.ledger, result.details);
    expect(text).toMatch(/records in\s+6/);
    expect(text).toMatch(/no_layout_match\s+\d+ e\.g\. .*app\.log:4/);
    expect(text).toContain("reference time 1970-01-01T00:00:00.000Z (option)");
  });
});

describe("defaultServiceFor", () => {
  it.each([
    ["/var/log/HDFS_2k.log", "hdfs_2k"],
    ["checkout-service.log.gz", "checkout-service"],
    ["events.jsonl", "events"],
    ["My App.out", "my-app"],
    ["-", "stdin"],
    ["***.log", null],
  ])("%s -> %s", (name, service) => {
    expect(defaultServiceFor(name)).toBe(service);
  });
});
