import { createReadStream } from "node:fs";
import Papa from "papaparse";
import type { CorpusFormat } from "./corpus-formats.js";

/** What a raw-limit pass counted (so the work cannot be optimized away, and to check it). */
export interface RawLimitCounts {
  /** Lines (text, JSON Lines) or data rows (CSV) seen. */
  records: number;
  /** Lines the regex matched, lines JSON.parse accepted, rows without a papaparse error. */
  accepted: number;
}

/** The one anchored regex of the text limit: `<timestamp> <LEVEL> [<service>] <message>`. */
const STANDARD_LINE =
  /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?) ([A-Za-z]+) \[([^\]]+)\] (.*)$/;

const READ_CHUNK_BYTES = 1 << 20;

/** Streams `path` as UTF-8 and calls `onLine` for every non-empty line (without its `\n`). */
async function forEachLine(path: string, onLine: (line: string) => void): Promise<void> {
  let rest = "";
  for await (const chunk of createReadStream(path, {
    encoding: "utf8",
    highWaterMark: READ_CHUNK_BYTES,
  }) as AsyncIterable<string>) {
    const text = rest === "" ? chunk : rest + chunk;
    let start = 0;
    let end = text.indexOf("\n", start);
    while (end !== -1) {
      if (end > start) onLine(text.slice(start, end));
      start = end + 1;
      end = text.indexOf("\n", start);
    }
    rest = text.slice(start);
  }
  if (rest !== "") onLine(rest);
}

async function textLimit(path: string): Promise<RawLimitCounts> {
  const counts: RawLimitCounts = { records: 0, accepted: 0 };
  await forEachLine(path, (line) => {
    counts.records++;
    if (STANDARD_LINE.exec(line) !== null) counts.accepted++;
  });
  return counts;
}

async function jsonLimit(path: string): Promise<RawLimitCounts> {
  const counts: RawLimitCounts = { records: 0, accepted: 0 };
  await forEachLine(path, (line) => {
    counts.records++;
    try {
      if (typeof JSON.parse(line) === "object") counts.accepted++;
    } catch {
      // An invalid line is counted as not accepted.
    }
  });
  return counts;
}

function csvLimit(path: string): Promise<RawLimitCounts> {
  const counts: RawLimitCounts = { records: 0, accepted: 0 };
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path, { encoding: "utf8", highWaterMark: READ_CHUNK_BYTES });
    stream.on("error", reject);
    Papa.parse<Record<string, string>>(stream, {
      header: true,
      skipEmptyLines: true,
      chunk(results) {
        counts.records += results.data.length;
        counts.accepted += results.data.length - results.errors.length;
      },
      complete: () => resolve(counts),
      error: reject,
    });
  });
}

/**
 * The raw parse limit of one file: read + split lines + one anchored regex
 * per line (text), read + JSON.parse per line (JSON Lines), read + papaparse
 * in header mode (CSV). Streams in 1 MiB chunks, like the pipeline.
 */
export function rawLimit(format: CorpusFormat, path: string): Promise<RawLimitCounts> {
  if (format === "text") return textLimit(path);
  if (format === "json") return jsonLimit(path);
  return csvLimit(path);
}
