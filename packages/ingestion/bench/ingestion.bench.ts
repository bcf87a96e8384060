import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
// The built package (`pnpm bench` builds it; @logfeat/schema must be built): see vitest.config.ts.
import { ingestLogs } from "@logfeat/ingestion";
import Papa from "papaparse";
import { afterAll, bench, describe } from "vitest";
import { writeLogFile } from "./log-generator.mjs";

/** Records per generated file. */
const RECORDS = 1_000_000;
/** The same read and decode sizes as ingestion uses (512 KiB reads, 64 KiB strings). */
const READ_BLOCK_BYTES = 512 * 1024;
const DECODE_SLICE_BYTES = 64 * 1024;
const folder = mkdtempSync(join(tmpdir(), "logfeat-ingestion-bench-"));
const files = {
  text: join(folder, "logs.log"),
  jsonl: join(folder, "logs.jsonl"),
  "json-array": join(folder, "logs.json"),
  csv: join(folder, "logs.csv"),
} as const;
const sizes: Record<string, number> = {};
for (const [format, path] of Object.entries(files))
  sizes[format] = writeLogFile(path, format as keyof typeof files, RECORDS);

/** Best time per benchmark name, in ms. */
const bestTimes = new Map<string, number>();

function timed(name: string, run: () => Promise<number>): () => Promise<void> {
  return async () => {
    const start = performance.now();
    const count = await run();
    const elapsed = performance.now() - start;
    if (count !== RECORDS) throw new Error(`${name}: ${count} records, expected ${RECORDS}`);
    bestTimes.set(name, Math.min(bestTimes.get(name) ?? Number.POSITIVE_INFINITY, elapsed));
  };
}

/**
 * The raw limit for lines: read the file in 512 KiB blocks into one reused
 * buffer (`FileHandle.read`, one read at a time), decode them in 64 KiB
 * slices, split lines (and `perLine` each).
 */
async function rawLines(path: string, perLine: (line: string) => void): Promise<number> {
  const decoder = new StringDecoder("utf8");
  const handle = await open(path, "r");
  const block = Buffer.allocUnsafe(READ_BLOCK_BYTES);
  let carry = "";
  let count = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, block.length, null);
      if (bytesRead === 0) break;
      for (let offset = 0; offset < bytesRead; offset += DECODE_SLICE_BYTES) {
        const slice = block.subarray(offset, Math.min(bytesRead, offset + DECODE_SLICE_BYTES));
        const text = carry + decoder.write(slice);
        let start = 0;
        for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
          perLine(text.slice(start, end));
          count += 1;
          start = end + 1;
        }
        carry = text.slice(start);
      }
    }
  } finally {
    await handle.close();
  }
  return count;
}

async function ingestChunks(path: string): Promise<number> {
  let count = 0;
  for await (const records of ingestLogs(path).chunks()) count += records.length;
  return count;
}

async function ingestRecords(path: string): Promise<number> {
  let count = 0;
  for await (const _record of ingestLogs(path)) count += 1;
  return count;
}

/** The raw limit for CSV: papaparse's own Node streaming, header mode. */
function rawPapaparse(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    Papa.parse<Record<string, string>>(createReadStream(path) as unknown as File, {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        count += results.data.length;
      },
      complete: () => resolve(count),
      error: reject,
    });
  });
}

const options = { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 };
let sink = 0;

/**
 * One benchmark per format runs its raw limit and ingestion alternately, so
 * both see the same machine load (the figures are the best of the runs).
 */
function alternate(...runs: (() => Promise<void>)[]): () => Promise<void> {
  return async () => {
    for (const run of runs) await run();
  };
}

const parseLine = (line: string) => {
  sink += JSON.parse(line) === null ? 0 : 1;
};

describe(`${RECORDS} records per format, raw limit and ingestion alternately`, () => {
  bench(
    "text: read + decode + split lines | ingestLogs().chunks() | record by record",
    alternate(
      timed("text raw", () =>
        rawLines(files.text, (line) => {
          sink += line.length;
        }),
      ),
      timed("text chunks", () => ingestChunks(files.text)),
      timed("text records", () => ingestRecords(files.text)),
    ),
    options,
  );
  bench(
    "JSON Lines: read + split + JSON.parse | ingestLogs().chunks()",
    alternate(
      timed("jsonl raw", () => rawLines(files.jsonl, parseLine)),
      timed("jsonl chunks", () => ingestChunks(files.jsonl)),
    ),
    options,
  );
  bench(
    "JSON array: read whole file + JSON.parse | ingestLogs().chunks() (streamed)",
    alternate(
      timed(
        "json-array raw",
        async () => (JSON.parse(await readFile(files["json-array"], "utf8")) as unknown[]).length,
      ),
      timed("json-array chunks", () => ingestChunks(files["json-array"])),
    ),
    options,
  );
  bench(
    "CSV: papaparse Node stream, header mode | ingestLogs().chunks()",
    alternate(
      timed("csv raw", () => rawPapaparse(files.csv)),
      timed("csv chunks", () => ingestChunks(files.csv)),
    ),
    options,
  );
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  const rows = [
    ["text", "text raw", "text chunks"],
    ["text (record by record)", "text raw", "text records"],
    ["JSON Lines", "jsonl raw", "jsonl chunks"],
    ["JSON array", "json-array raw", "json-array chunks"],
    ["CSV", "csv raw", "csv chunks"],
  ];
  const rate = (name: string) => RECORDS / ((bestTimes.get(name) ?? Number.NaN) / 1000);
  const lines = rows.map(([label, raw, ours]) => {
    const rawRate = rate(raw as string);
    const ourRate = rate(ours as string);
    return `${(label as string).padEnd(24)} ${(ourRate / 1e6).toFixed(2).padStart(6)} M records/s   raw limit ${(rawRate / 1e6).toFixed(2).padStart(6)} M records/s   ${((100 * ourRate) / rawRate).toFixed(0).padStart(4)}% of raw`;
  });
  const sizeLine = Object.entries(sizes)
    .map(([format, size]) => `${format} ${(size / 2 ** 20).toFixed(0)} MiB`)
    .join(", ");
  process.stdout.write(
    `\nIngestion throughput (best of 5; files: ${sizeLine}; sink ${sink > 0})\n${lines.join("\n")}\n`,
  );
});
