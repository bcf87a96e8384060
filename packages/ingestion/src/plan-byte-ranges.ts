import { type FileHandle, open } from "node:fs/promises";
import { ConfigError, LogfeatError, type RecordFormat } from "@logfeat/schema";
import type { ByteRange } from "./byte-range.js";
import type { CsvHeaderOption } from "./csv-header-option.js";
import { type CsvLayout, CsvRecordReader } from "./csv-record-reader.js";
import { CsvRowScanner } from "./csv-row-scanner.js";
import { SNIFF_ROWS } from "./csv-sniffing.js";
import { readFileBlocks } from "./file-blocks.js";
import {
  DELIMITER_BY_EXTENSION,
  extensionOf,
  formatFromName,
  SNIFF_BYTES,
  sniffFormat,
} from "./format-detection.js";
import { isGzip } from "./gzip.js";
import { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import { DECODE_CHUNK_BYTES, resolveInput } from "./log-input.js";
import { LogSourceError } from "./log-source-error.js";
import { alwaysStartsRecord, surelyStartsRecord } from "./multiline.js";
import {
  DEFAULT_MAX_RECORD_BYTES,
  LOG_FORMATS,
  type LogFormat,
  validateDelimiter,
} from "./options.js";
import { Utf8StreamDecoder } from "./utf8-decoder.js";

/**
 * Options every part of a planned file is read with, besides `format` and
 * its `byteRange`: `{}` for text and JSON; for CSV the delimiter and the
 * header as the whole-file reader derived them. Plain data (can be sent to a
 * worker thread).
 */
export interface PartOptions {
  /** CSV: the delimiter of the whole file (given, implied by `.tsv`, or detected). */
  delimiter?: string;
  /** CSV: the file's header, for the parts after the first (see the `csvHeader` option). */
  csvHeader?: CsvHeaderOption;
}

/** How a file splits into parts that can be ingested independently. */
export interface FilePlan {
  /** The file's format (as `ingestLogs` would resolve it: option, extension, else sniffed). */
  format: "text" | "json" | "csv";
  /** Contiguous parts covering the whole file, in order (at least one). */
  ranges: ByteRange[];
  /** Options for every part: `ingestLogs(path, { format, byteRange, ...partOptions })`. */
  partOptions: PartOptions;
}

/** Options of `planByteRanges`. */
export interface PlanOptions {
  /** How many parts are wanted (a positive integer); the plan may have fewer. */
  parts: number;
  /** The format `ingestLogs` will be told (default `"auto"`: extension, else sniffed). */
  format?: LogFormat | "auto" | undefined;
  /** The `multiline` option the parts will be read with (default true). */
  multiline?: boolean | undefined;
  /** Smallest part in bytes (default 1 MiB): a smaller file gets fewer parts. */
  minPartBytes?: number | undefined;
  /** CSV: the `delimiter` option `ingestLogs` would be given (default: tab for `.tsv`, else detected). */
  delimiter?: string | undefined;
  /** CSV: the `maxRecordBytes` the file would be read with (default 1 MiB): an over-long row before the header is skipped. */
  maxRecordBytes?: number | undefined;
}

/** Default `minPartBytes`: 1 MiB. */
export const DEFAULT_MIN_PART_BYTES = 1024 * 1024;

/** How many bytes a boundary search or the line count reads at once. */
const PLAN_READ_BYTES = 1024 * 1024;

const LINE_FEED = 10;
const PLAN_OPTION_KEYS = [
  "parts",
  "format",
  "multiline",
  "minPartBytes",
  "delimiter",
  "maxRecordBytes",
];

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/** Plan options after validation, defaults applied. */
interface PlanSettings {
  parts: number;
  format: LogFormat;
  multiline: boolean;
  minPartBytes: number;
  delimiter: string | undefined;
  maxRecordBytes: number;
}

function validatePlanOptions(options: unknown): PlanSettings {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new ConfigError("options", options, "an options object with `parts`");
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!PLAN_OPTION_KEYS.includes(key))
      throw new ConfigError(
        key,
        record[key],
        `one of the known options ${PLAN_OPTION_KEYS.join(", ")}`,
      );
  const { parts, format, multiline, minPartBytes, delimiter, maxRecordBytes } = record;
  if (!isPositiveInteger(parts))
    throw new ConfigError("parts", parts, "a positive integer number of parts");
  if (format !== undefined && !(LOG_FORMATS as readonly unknown[]).includes(format))
    throw new ConfigError(
      "format",
      format,
      `one of ${LOG_FORMATS.map((name) => `"${name}"`).join(", ")}`,
    );
  if (multiline !== undefined && typeof multiline !== "boolean")
    throw new ConfigError("multiline", multiline, "true or false");
  if (minPartBytes !== undefined && !isPositiveInteger(minPartBytes))
    throw new ConfigError("minPartBytes", minPartBytes, "a positive integer number of bytes");
  if (maxRecordBytes !== undefined && !isPositiveInteger(maxRecordBytes))
    throw new ConfigError("maxRecordBytes", maxRecordBytes, "a positive integer number of bytes");
  return {
    parts,
    format: (format as LogFormat | undefined) ?? "auto",
    multiline: multiline ?? true,
    minPartBytes: minPartBytes ?? DEFAULT_MIN_PART_BYTES,
    delimiter: validateDelimiter(delimiter),
    maxRecordBytes: maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
  };
}

/**
 * Splits a plain file into about `parts` parts of similar byte size whose
 * boundaries are record starts, so that ingesting each part with
 * `ingestLogs(path, { format: plan.format, multiline, byteRange, ...plan.partOptions })`
 * and concatenating the results gives the records and diagnostics of the
 * whole file. Returns null when the file cannot be split this way: gzip (a
 * `.gz` name or gzip bytes), a JSON array file (first non-whitespace byte
 * `[`), a path that is not a file path (`""`, `"-"`). A file smaller than
 * `minPartBytes` (default 1 MiB) per part gets fewer parts (possibly one); a
 * part with no record start near its target offset is merged into the one
 * before. Reads the file once, up to the last boundary, to number lines.
 * CSV/TSV: the header is read as the whole-file reader reads it (delimiter,
 * line ending, column names: `partOptions`); boundaries are row starts after
 * the header row, found by scanning from the start with the RFC 4180 quote
 * rules (a line break inside a quoted field is no boundary); after the first
 * malformed quoting (see CsvRowScanner) no boundary is placed. Throws a
 * ConfigError for a bad option and a LogSourceError for a missing or
 * unreadable file.
 */
export async function planByteRanges(path: string, options: PlanOptions): Promise<FilePlan | null> {
  const settings = validatePlanOptions(options);
  if (typeof path !== "string" || path === "" || path === "-") return null;
  if (path.toLowerCase().endsWith(".gz")) return null;
  const size = resolveInput(path).totalBytes ?? 0;
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw LogSourceError.fromSystemError(path, error);
  }
  try {
    const head = await readAt(handle, 0, Math.min(size, SNIFF_BYTES));
    if (isGzip(head)) return null;
    const format = resolveFormat(path, settings.format, head, size);
    if (format === "csv") return await planCsv(handle, path, size, settings);
    let earliestBoundary = 1;
    if (format === "json") {
      const firstContent = await firstContentOffset(handle, size);
      if (firstContent !== null && (await readAt(handle, firstContent, 1))[0] === 0x5b) return null;
      // JSON reading skips the whitespace before the first value: no part starts there.
      earliestBoundary = firstContent === null ? size : firstContent + 1;
    }
    const findBoundary = format === "text" && settings.multiline ? recordStartLine : firstLineStart;
    const partCount = partCountFor(size, settings);
    const boundaries: number[] = [];
    for (let part = 1; part < partCount; part += 1) {
      const from = Math.max(Math.floor((part * size) / partCount), earliestBoundary);
      const limit = part + 1 < partCount ? Math.floor(((part + 1) * size) / partCount) : size;
      if (from >= limit) continue;
      const boundary = await findBoundary(handle, size, from, limit);
      if (boundary !== null) boundaries.push(boundary);
    }
    const firstLines = await lineNumbersAt(handle, boundaries);
    const ranges = rangesFrom(
      boundaries.map((offset, index) => ({ offset, line: firstLines[index] as number })),
      size,
    );
    return { format, ranges, partOptions: {} };
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw LogSourceError.fromSystemError(path, error);
  } finally {
    await handle.close();
  }
}

/** A part boundary: a byte offset and the 1-based line number there. */
interface Boundary {
  offset: number;
  line: number;
}

/** The ranges between ascending boundaries (after offset 0), the last one up to `size`. */
function rangesFrom(boundaries: readonly Boundary[], size: number): ByteRange[] {
  const starts: Boundary[] = [{ offset: 0, line: 1 }, ...boundaries];
  return starts.map(({ offset, line }, index) => ({
    start: offset,
    end: starts[index + 1]?.offset ?? size,
    firstLine: line,
  }));
}

/** How many parts a file of `size` bytes gets. */
function partCountFor(size: number, settings: PlanSettings): number {
  return Math.min(settings.parts, Math.max(1, Math.floor(size / settings.minPartBytes)));
}

/** The CSV plan: the header as the whole-file reader sees it, boundaries at row starts after it. */
async function planCsv(
  handle: FileHandle,
  path: string,
  size: number,
  settings: PlanSettings,
): Promise<FilePlan> {
  const delimiter = settings.delimiter ?? DELIMITER_BY_EXTENSION[extensionOf(path)];
  const layout = await readCsvLayout(path, delimiter, settings.maxRecordBytes);
  if (layout === null) return { format: "csv", ranges: rangesFrom([], size), partOptions: {} };
  const partCount = partCountFor(size, settings);
  // Invalid UTF-8 decodes to U+FFFD: a delimiter holding it cannot be found in the bytes.
  const boundaries =
    partCount > 1 && !layout.delimiter.includes("\uFFFD")
      ? await csvRowStarts(handle, size, layout, partCount)
      : [];
  return {
    format: "csv",
    ranges: rangesFrom(boundaries, size),
    partOptions: { delimiter: layout.delimiter, csvHeader: layout.header },
  };
}

/**
 * The delimiter and header of a CSV file, read exactly as `ingestLogs`
 * reads them (same blocks, decoding and reader; the rows before and with the
 * header, diagnostics dropped), or null when the file has no header row.
 */
async function readCsvLayout(
  path: string,
  delimiter: string | undefined,
  maxRecordBytes: number,
): Promise<CsvLayout | null> {
  const reader = new CsvRecordReader({
    source: path,
    delimiter,
    maxRecordBytes,
    diagnostics: new IngestionDiagnostics(path, { maxDiagnostics: 0 }),
    firstLine: 1,
    knownHeader: undefined,
  });
  const decoder = new Utf8StreamDecoder(true);
  const records: unknown[] = [];
  const out = records as Parameters<CsvRecordReader["push"]>[1];
  for await (const block of readFileBlocks(path, 0, Number.POSITIVE_INFINITY)) {
    for (let offset = 0; offset < block.length; offset += DECODE_CHUNK_BYTES) {
      const text = decoder.decode(block.subarray(offset, offset + DECODE_CHUNK_BYTES));
      if (text !== "") reader.push(text, out);
      out.length = 0;
      const layout = reader.layout();
      if (layout !== null) return layout;
    }
  }
  const rest = decoder.end();
  if (rest !== "") reader.push(rest, out);
  reader.end(out);
  return reader.layout();
}

/** The longest line the CSV scan holds (a longer one ends the planning: no boundary after it). */
const MAX_SCAN_LINE_BYTES = 16 * PLAN_READ_BYTES;

/**
 * The first row start after the header row at or after each part's target
 * offset (and before the next target), with its line number: the file is
 * scanned from its start in regions of whole lines, up to the last boundary.
 */
async function csvRowStarts(
  handle: FileHandle,
  size: number,
  layout: CsvLayout,
  partCount: number,
): Promise<Boundary[]> {
  const boundaries: Boundary[] = [];
  const target = (part: number): number =>
    part < partCount ? Math.floor((part * size) / partCount) : size;
  let part = 1;
  const headerLine = layout.header.line;
  const scanner = new CsvRowScanner(layout.delimiter, layout.header.newline, (offset, line) => {
    while (part < partCount && offset >= target(part + 1)) part += 1;
    if (part < partCount && line > headerLine && offset >= target(part)) {
      boundaries.push({ offset, line });
      part += 1;
    }
    return part < partCount;
  });
  const head = await readAt(handle, 0, Math.min(size, BYTE_ORDER_MARK.length));
  let position = BYTE_ORDER_MARK.every((byte, index) => head[index] === byte)
    ? BYTE_ORDER_MARK.length
    : 0;
  // One buffer for all reads: the bytes after the last line feed (a line's start) move to its front, the next block is read after them.
  let buffer = Buffer.allocUnsafe(2 * PLAN_READ_BYTES);
  let carried = 0;
  let carryStart = position;
  while (position < size && !scanner.done) {
    if (carried + PLAN_READ_BYTES > buffer.length) {
      // A line longer than the buffer can hold: no boundary after it.
      if (carried > MAX_SCAN_LINE_BYTES) break;
      const larger = Buffer.allocUnsafe(2 * buffer.length);
      buffer.copy(larger, 0, 0, carried);
      buffer = larger;
    }
    const wanted = Math.min(PLAN_READ_BYTES, size - position);
    const { bytesRead } = await handle.read(buffer, carried, wanted, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const filled = carried + bytesRead;
    const atEnd = position >= size;
    const regionEnd = atEnd ? filled : buffer.lastIndexOf(LINE_FEED, filled - 1) + 1;
    if (regionEnd > 0) scanner.scan(buffer.subarray(0, regionEnd), carryStart, atEnd);
    buffer.copyWithin(0, regionEnd, filled);
    carried = filled - regionEnd;
    carryStart += regionEnd;
  }
  return boundaries;
}

/** A Node system error (`EIO`...), as opposed to a logfeat error or a bug. */
function isSystemError(error: unknown): boolean {
  return (
    error instanceof Error &&
    !LogfeatError.isInstance(error) &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/** The format as `ingestLogs` resolves it: the option, else the extension, else sniffed from `head`. */
function resolveFormat(path: string, format: LogFormat, head: Buffer, size: number): RecordFormat {
  if (format !== "auto") return format;
  const fromName = formatFromName(path);
  if (fromName !== null) return fromName;
  const complete = size < SNIFF_BYTES && countLineFeeds(head) < SNIFF_ROWS;
  return sniffFormat(head.toString("utf8"), complete);
}

/** The first line start in [from, limit), or null. */
async function firstLineStart(
  handle: FileHandle,
  size: number,
  from: number,
  limit: number,
): Promise<number | null> {
  // A line starts at `from` when the byte before it is a line feed.
  for (let position = from - 1; position < limit - 1; position += PLAN_READ_BYTES) {
    const bytes = await readAt(handle, position, Math.min(PLAN_READ_BYTES, size - position));
    const index = bytes.indexOf(LINE_FEED);
    if (index !== -1) return position + index + 1 < limit ? position + index + 1 : null;
  }
  return null;
}

/** How far before its target a multiline boundary search starts, to see the line before the first candidate. */
const LOOK_BACK_BYTES = 64 * 1024;

/**
 * Multiline text: the first line start L in [from, limit) where a part can
 * start, or null. L and the line before it must both surely start a record
 * (see `isRecordStartLine`): then the line before L closes any open
 * traceback and L closes the record before it, whatever came earlier, so
 * reading from L gives what reading the whole file gives from L on. The
 * scan starts LOOK_BACK_BYTES before `from` (a line that starts before the
 * scan is not judged: it cannot be the line before L). Lines are judged
 * once their end is read; a window starts at the current line, so a line is
 * whole in one window unless it is longer than a window (then only its
 * first byte is looked at).
 */
async function recordStartLine(
  handle: FileHandle,
  size: number,
  from: number,
  limit: number,
): Promise<number | null> {
  const scanStart = Math.max(0, from - LOOK_BACK_BYTES);
  // The line being read: its start (-1 before the first line feed of the scan) and first byte.
  let lineStart = scanStart === 0 ? 0 : -1;
  let lineFirstByte = -1;
  let previousIsRecordStart = false;
  // A line starts at `scanStart` when the byte before it is a line feed.
  let position = scanStart === 0 ? 0 : scanStart - 1;
  while (position < size) {
    const bytes = await readAt(handle, position, Math.min(PLAN_READ_BYTES, size - position));
    const windowEnd = position + bytes.length;
    if (lineStart === position) lineFirstByte = bytes[0] as number;
    for (let index = bytes.indexOf(LINE_FEED); ; index = bytes.indexOf(LINE_FEED, index + 1)) {
      const lineEnd = index !== -1 ? position + index : windowEnd === size ? size : -1;
      if (lineEnd === -1) break;
      if (lineStart !== -1) {
        const isRecordStart =
          lineStart >= position
            ? isRecordStartLine(bytes, lineStart - position, lineEnd - position, lineStart === 0)
            : surelyStartsRecord(lineFirstByte);
        if (isRecordStart && previousIsRecordStart && lineStart >= from) return lineStart;
        previousIsRecordStart = isRecordStart;
      }
      if (index === -1) return null;
      lineStart = lineEnd + 1;
      if (lineStart >= limit) return null;
      if (lineStart < windowEnd) lineFirstByte = bytes[lineStart - position] as number;
    }
    position = lineStart > position ? lineStart : windowEnd;
  }
  return null;
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

/**
 * True when the line bytes[start, end) (without its line feed) starts a
 * record whatever came before it: its first byte surely starts one, or
 * `alwaysStartsRecord` accepts it once decoded like the reader decodes it
 * (carriage return and, at the file start, byte order mark dropped).
 */
function isRecordStartLine(
  bytes: Buffer,
  start: number,
  end: number,
  atFileStart: boolean,
): boolean {
  if (surelyStartsRecord(bytes[start] as number)) return true;
  let textStart = start;
  if (atFileStart && BYTE_ORDER_MARK.every((byte, index) => bytes[start + index] === byte))
    textStart += BYTE_ORDER_MARK.length;
  const textEnd = end > textStart && bytes[end - 1] === 13 ? end - 1 : end;
  return alwaysStartsRecord(bytes.toString("utf8", textStart, textEnd));
}

/** Offset of the first byte that is not a byte order mark or JSON whitespace, or null. */
async function firstContentOffset(handle: FileHandle, size: number): Promise<number | null> {
  for (let position = 0; position < size; position += PLAN_READ_BYTES) {
    const bytes = await readAt(handle, position, Math.min(PLAN_READ_BYTES, size - position));
    let index = 0;
    if (position === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
    for (; index < bytes.length; index += 1) {
      const byte = bytes[index] as number;
      if (byte !== 32 && byte !== 9 && byte !== 13 && byte !== 10) return position + index;
    }
  }
  return null;
}

/** The 1-based line number at each offset (ascending): one more than the line feeds before it. */
async function lineNumbersAt(handle: FileHandle, offsets: readonly number[]): Promise<number[]> {
  const numbers: number[] = [];
  const buffer = Buffer.allocUnsafe(PLAN_READ_BYTES);
  let lineFeeds = 0;
  let position = 0;
  for (const offset of offsets) {
    while (position < offset) {
      const length = Math.min(PLAN_READ_BYTES, offset - position);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) break;
      lineFeeds += countLineFeeds(
        bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead),
      );
      position += bytesRead;
    }
    numbers.push(lineFeeds + 1);
  }
  return numbers;
}

/** How many line feeds `bytes` holds. */
function countLineFeeds(bytes: Buffer): number {
  let count = 0;
  for (
    let index = bytes.indexOf(LINE_FEED);
    index !== -1;
    index = bytes.indexOf(LINE_FEED, index + 1)
  )
    count += 1;
  return count;
}

/** `length` bytes at `position` (fewer at the end of the file). */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}
