import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aggregateLogs, mergeWindowMaps } from "@logfeat/aggregation";
import { ingestLogs } from "@logfeat/ingestion";
import { emptyAccounting, mergeAccounting } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import {
  createRecordProcessor,
  resolveReferenceTime,
  resultFromPartials,
  runPipeline,
} from "../src/index.js";

const SERVICES = ["api", "auth", "db"];
const LEVELS = ["INFO", "INFO", "DEBUG", "WARN", "ERROR", "LOUD"];

/** A log over three services and an hour, with garbage, unknown levels and service-less lines. */
function logText(count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const time = new Date(Date.UTC(2025, 1, 7, 10) + ((index * 7919) % 3_600_000)).toISOString();
    if (index % 97 === 5) lines.push(`garbage ${index}`);
    else if (index % 61 === 3) lines.push(`${time} INFO no service here`);
    else
      lines.push(
        `${time} ${LEVELS[index % LEVELS.length]} [${SERVICES[index % 3]}] request ${index % 17} duration_ms=${(index % 50) + 0.5} error_code=E${index % 4}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

async function partialRun(path: string, chunkSize: number, fillGaps: boolean) {
  const now = Date.UTC(2025, 2, 1);
  const referenceTime = await resolveReferenceTime("2025-02-08T00:00:00Z", path, Date.now());
  const maxDiagnostics = 5;
  const source = ingestLogs(path, { chunkSize, maxDiagnostics });
  const maps = [];
  let records = 0;
  let parsed = 0;
  let parseAccounting = emptyAccounting();
  let normalizeAccounting = emptyAccounting();
  for await (const chunk of source.chunks()) {
    // A fresh processor per chunk: the partial depends on the chunk only.
    const processor = createRecordProcessor({
      referenceTime: referenceTime.instant,
      defaultService: "app",
      maxDiagnostics,
    });
    const outcome = processor.process(chunk);
    records += chunk.length;
    parsed += outcome.parsed;
    parseAccounting = mergeAccounting(parseAccounting, outcome.parseAccounting, maxDiagnostics);
    normalizeAccounting = mergeAccounting(
      normalizeAccounting,
      outcome.normalizeAccounting,
      maxDiagnostics,
    );
    maps.push(aggregateLogs(outcome.entries, { windowSizeSeconds: 60, retainLogs: false }));
  }
  return resultFromPartials(
    {
      records,
      parsed,
      parseAccounting,
      normalizeAccounting,
      windows: mergeWindowMaps(maps.reverse(), { fillGaps }).values(),
    },
    {
      ingestAccounting: source.accounting(),
      bytesRead: source.bytesRead,
      referenceTime,
      defaultService: "app",
      now,
      maxDiagnostics,
      elapsedMs: 12.34,
    },
  );
}

describe("resultFromPartials", () => {
  const folder = mkdtempSync(join(tmpdir(), "logfeat-partials-"));
  const path = join(folder, "app.log");
  writeFileSync(path, logText(5000));

  it.each([
    [250, false],
    [1000, true],
  ])(
    "gives the features and ledger of runPipeline (chunks of %i, fillGaps %s)",
    async (chunkSize, fillGaps) => {
      const whole = await runPipeline(path, {
        now: Date.UTC(2025, 2, 1),
        referenceTime: "2025-02-08T00:00:00Z",
        windowSizeSeconds: 60,
        maxDiagnostics: 5,
        fillGaps,
      });
      const parts = await partialRun(path, chunkSize, fillGaps);
      expect(parts.features).toEqual(whole.features);
      expect(parts.diagnostics).toEqual(whole.diagnostics);
      expect(parts.details).toEqual(whole.details);
      expect({ ...parts.ledger, elapsed_ms: 0 }).toEqual({ ...whole.ledger, elapsed_ms: 0 });
      expect(parts.ledger.elapsed_ms).toBe(12.3);
      expect(parts.windows.map((window) => [window.window_start, window.service])).toEqual(
        whole.windows.map((window) => [window.window_start, window.service]),
      );
    },
  );
});
