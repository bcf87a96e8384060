import type { BatchAccounting, RawRecord, RecordFormat } from "@logfeat/schema";
import { LogfeatError } from "@logfeat/schema";
import { CsvRecordReader } from "./csv-record-reader.js";
import { SNIFF_ROWS } from "./csv-sniffing.js";
import {
  DELIMITER_BY_EXTENSION,
  extensionOf,
  formatFromName,
  SNIFF_BYTES,
  sniffFormat,
} from "./format-detection.js";
import { gunzip, isDecompressionError, isGzip } from "./gzip.js";
import { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import { JsonLinesReader } from "./json-lines-reader.js";
import { JsonRecordReader } from "./json-record-reader.js";
import {
  DECODE_CHUNK_BYTES,
  type LogInput,
  type ResolvedInput,
  resolveInput,
  restrictToRange,
} from "./log-input.js";
import { LogSourceError } from "./log-source-error.js";
import { type LogFormat, type ResolvedOptions, resolveOptions } from "./options.js";
import { PeekableBytes } from "./peekable-bytes.js";
import type { RecordReader } from "./record-reader.js";
import { TextRecordReader } from "./text-record-reader.js";
import { Utf8StreamDecoder } from "./utf8-decoder.js";

/**
 * A stream of RawRecords from one input, iterable once: either record by
 * record (`for await (const record of source)`) or in arrays
 * (`for await (const records of source.chunks())`, the fast path).
 */
export interface LogSource<Item extends RawRecord = RawRecord> extends AsyncIterable<Item> {
  /** The records in arrays of at most `chunkSize`, yielded as soon as the bytes read so far complete them. */
  chunks(): AsyncIterable<Item[]>;
  /** Skips and notes so far (`record_too_large`, `invalid_json`, ...), with line numbers. */
  accounting(): BatchAccounting;
  /** Records handed to the consumer so far. */
  readonly recordsYielded: number;
  /** Bytes read from the input so far (compressed bytes for gzip), for progress against `totalBytes`. */
  readonly bytesRead: number;
  /** Size of the input in bytes (file size, in-memory length), or null for streams. */
  readonly totalBytes: number | null;
  /** The format: known at construction unless it has to be sniffed, then after the first step. */
  readonly format: RecordFormat | null;
  /** The `source` every record carries. */
  readonly sourceName: string;
}

/**
 * The LogSource implementation behind `ingestLogs` and the per-format
 * classes. The input is checked at construction (a missing file throws a
 * LogSourceError there); bytes are read on the first iteration step.
 */
export class StreamingLogSource<Item extends RawRecord = RawRecord> implements LogSource<Item> {
  readonly sourceName: string;
  readonly totalBytes: number | null;
  private resolvedFormat: RecordFormat | null;
  private readonly options: ResolvedOptions;
  private readonly input: ResolvedInput;
  private readonly delimiter: string | undefined;
  private readonly diagnostics: IngestionDiagnostics;
  private started = false;
  private yieldedCount = 0;
  private readCount = 0;

  /**
   * `format` is the entry point's format (`"auto"` for `ingestLogs`, which
   * lets `options.format` choose); `allowed` lists its option names.
   */
  constructor(input: LogInput, options: unknown, format: LogFormat, allowed: readonly string[]) {
    this.options = resolveOptions(options, allowed, format);
    const resolved = resolveInput(input);
    const range = this.options.byteRange;
    this.input = range === undefined ? resolved : restrictToRange(resolved, range);
    this.sourceName = this.options.sourceName ?? this.input.defaultSourceName;
    this.totalBytes = this.input.totalBytes;
    const name = this.input.path ?? this.options.sourceName ?? "";
    this.resolvedFormat =
      this.options.format === "auto" ? formatFromName(name) : this.options.format;
    this.delimiter = this.options.delimiter ?? DELIMITER_BY_EXTENSION[extensionOf(name)];
    this.diagnostics = new IngestionDiagnostics(this.sourceName, {
      ...(this.options.maxDiagnostics === undefined
        ? {}
        : { maxDiagnostics: this.options.maxDiagnostics }),
      ...(this.options.onDiagnostic === undefined
        ? {}
        : { onDiagnostic: this.options.onDiagnostic }),
    });
  }

  get recordsYielded(): number {
    return this.yieldedCount;
  }

  get bytesRead(): number {
    return this.readCount;
  }

  get format(): RecordFormat | null {
    return this.resolvedFormat;
  }

  accounting(): BatchAccounting {
    return this.diagnostics.collector.toAccounting();
  }

  chunks(): AsyncGenerator<Item[], void, undefined> {
    return this.read(true);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const records of this.read(false))
      for (const record of records) {
        this.yieldedCount += 1;
        yield record;
      }
  }

  /** The records in arrays; `countArrays` counts them in `recordsYielded` as each array is yielded. */
  private async *read(countArrays: boolean): AsyncGenerator<Item[], void, undefined> {
    if (this.started)
      throw new LogfeatError(
        `The log source ${JSON.stringify(this.sourceName)} was already iterated; a source can be iterated once`,
      );
    this.started = true;
    let content: AsyncIterator<Buffer> | null = null;
    let finished = false;
    try {
      const raw = new PeekableBytes(this.input.open());
      content = raw;
      let countInLoop = true;
      const range = this.options.byteRange;
      if (range === undefined && isGzip(await raw.peek({ maxBytes: 2 }))) {
        content = this.stopOnDecompressionError(gunzip(this.countBytes(raw)));
        countInLoop = false;
      }
      if (this.resolvedFormat === null) {
        const unsniffed = content;
        const sniffed = new PeekableBytes({ [Symbol.asyncIterator]: () => unsniffed });
        const sample = await sniffed.peek({ maxBytes: SNIFF_BYTES, lineFeeds: SNIFF_ROWS });
        this.resolvedFormat = sniffFormat(sample.toString("utf8"), sniffed.ended);
        content = sniffed;
      }
      const reader = this.createReader(this.resolvedFormat);
      const decoder = new Utf8StreamDecoder(range === undefined || range.start === 0);
      const chunkSize = this.options.chunkSize;
      let out: Item[] = [];
      for (;;) {
        const next = await content.next();
        if (next.done === true) break;
        const block = next.value;
        if (countInLoop) this.readCount += block.length;
        // A block (512 KiB from a file) is decoded in 64 KiB slices: small strings, see DECODE_CHUNK_BYTES.
        for (let offset = 0; offset < block.length; offset += DECODE_CHUNK_BYTES) {
          const text = decoder.decode(block.subarray(offset, offset + DECODE_CHUNK_BYTES));
          if (text !== "") reader.push(text, out);
          // Records are handed on per slice: fewer records alive at once than per block (less GC work, lower peak RSS), as fast.
          if (out.length > 0) {
            for (const records of splitChunks(out, chunkSize)) {
              if (countArrays) this.yieldedCount += records.length;
              yield records;
            }
            out = [];
          }
        }
      }
      finished = true;
      const rest = decoder.end();
      if (rest !== "") reader.push(rest, out);
      reader.end(out);
      for (const records of splitChunks(out, chunkSize)) {
        if (countArrays) this.yieldedCount += records.length;
        yield records;
      }
    } catch (error) {
      const path = this.input.path;
      if (path === null || !isSystemError(error)) throw error;
      throw LogSourceError.fromSystemError(path, error);
    } finally {
      if (!finished) await content?.return?.();
    }
  }

  private createReader(format: RecordFormat): RecordReader<Item> {
    const { maxRecordBytes, multiline, byteRange } = this.options;
    const settings = { source: this.sourceName, maxRecordBytes, diagnostics: this.diagnostics };
    const firstLine = byteRange?.firstLine ?? 1;
    let reader: RecordReader<RawRecord>;
    if (format === "text") reader = new TextRecordReader({ ...settings, multiline, firstLine });
    else if (format === "csv")
      reader = new CsvRecordReader({
        ...settings,
        delimiter: this.delimiter,
        firstLine,
        knownHeader: this.options.csvHeader,
      });
    else {
      const jsonSettings = { ...settings, deferParsing: this.options.deferJsonParsing };
      // A range after the start is JSON Lines from its first byte: no leading whitespace is skipped.
      reader =
        byteRange === undefined || byteRange.start === 0
          ? new JsonRecordReader(jsonSettings, { firstLine, linesOnly: byteRange !== undefined })
          : new JsonLinesReader(jsonSettings, firstLine);
    }
    return reader as unknown as RecordReader<Item>;
  }

  /** Counts the compressed bytes; yields copies, since gunzip keeps chunks past the next step and a file reuses its buffers. */
  private async *countBytes(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of bytes) {
      this.readCount += chunk.length;
      yield Buffer.from(chunk);
    }
  }

  private async *stopOnDecompressionError(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    try {
      yield* bytes;
    } catch (error) {
      if (!isDecompressionError(error)) throw error;
      this.diagnostics.report(
        "decompression_failed",
        null,
        `gzip data is corrupt or truncated after ${this.readCount} bytes (${(error as Error).message}); the rest of the input was not read`,
      );
    }
  }
}

/** A Node system error (`ENOENT`, `EIO`...), as opposed to a logfeat error or a bug. */
function isSystemError(error: unknown): boolean {
  return (
    error instanceof Error &&
    !LogfeatError.isInstance(error) &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/** `records` as arrays of at most `chunkSize` (none when it is empty). */
function splitChunks<Item>(records: Item[], chunkSize: number): Item[][] {
  if (records.length === 0) return [];
  if (records.length <= chunkSize) return [records];
  const arrays: Item[][] = [];
  for (let start = 0; start < records.length; start += chunkSize)
    arrays.push(records.slice(start, start + chunkSize));
  return arrays;
}
