#!/usr/bin/env node
// Peak memory while streaming a 1 GiB text log through ingestLogs().chunks().
// Needs the built package: `pnpm --filter @logfeat/schema build && pnpm --filter @logfeat/ingestion build`.
// The parent writes the file to the temp folder, a fresh child process streams it and reports its
// peak RSS (process.resourceUsage().maxRSS), and the file is deleted afterwards.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLogFile } from "./log-generator.mjs";

const TARGET_BYTES = 1024 ** 3;
const BYTES_PER_RECORD = 104;

if (process.argv[2] === "--child") {
  const { ingestLogs } = await import("@logfeat/ingestion");
  const start = performance.now();
  let records = 0;
  for await (const chunk of ingestLogs(process.argv[3]).chunks()) records += chunk.length;
  const seconds = (performance.now() - start) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ records, seconds, maxRssMiB }));
} else {
  const folder = mkdtempSync(join(tmpdir(), "logfeat-ingestion-rss-"));
  try {
    const path = join(folder, "big.log");
    const size = writeLogFile(path, "text", Math.ceil(TARGET_BYTES / BYTES_PER_RECORD));
    const output = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), "--child", path],
      {
        encoding: "utf8",
      },
    );
    const { records, seconds, maxRssMiB } = JSON.parse(output);
    console.log(
      `streamed ${(size / 1024 ** 3).toFixed(2)} GiB, ${records} records in ${seconds.toFixed(1)} s ` +
        `(${(records / seconds / 1e6).toFixed(2)} M records/s, ${(size / 1024 ** 2 / seconds).toFixed(0)} MiB/s); ` +
        `peak RSS ${maxRssMiB.toFixed(0)} MiB`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
