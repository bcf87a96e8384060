import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { BatchAccounting, RawRecord } from "@logfeat/schema";
import type { LogSource } from "../src/index.js";

/** Every record of a source, plus its accounting. */
export async function collect<Item extends RawRecord>(
  source: LogSource<Item>,
): Promise<{ records: Item[]; accounting: BatchAccounting }> {
  const records: Item[] = [];
  for await (const chunk of source.chunks()) records.push(...chunk);
  return { records, accounting: source.accounting() };
}

/** `(line, payload)` pairs: what must not depend on how the input was delivered. */
export function linesAndPayloads(records: readonly RawRecord[]): [number, unknown][] {
  return records.map((record) => [record.line, record.payload]);
}

/** A Readable that delivers `bytes` cut at the given offsets. */
export function readableInPieces(bytes: Uint8Array, cuts: readonly number[]): Readable {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort(
    (a, b) => a - b,
  );
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(Buffer.from(bytes.subarray(start, point)));
    start = point;
  }
  return Readable.from(pieces, { objectMode: false });
}

/** A temporary folder, removed by the returned cleanup. */
export function temporaryFolder(): {
  folder: string;
  file: (name: string, content: string | Uint8Array) => string;
  /** A file with a new name (`file-<n><extension>`) holding `content`. */
  newFile: (content: string | Uint8Array, extension: string) => string;
  remove: () => void;
} {
  const folder = mkdtempSync(join(tmpdir(), "logfeat-ingestion-test-"));
  let files = 0;
  const file = (name: string, content: string | Uint8Array): string => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };
  return {
    folder,
    file,
    newFile: (content, extension) => {
      files += 1;
      return file(`file-${files}${extension}`, content);
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
