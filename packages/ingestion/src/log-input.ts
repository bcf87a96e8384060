import { accessSync, constants, statSync } from "node:fs";
import { ConfigError } from "@logfeat/schema";
import type { ByteRange } from "./byte-range.js";
import { readFileBlocks } from "./file-blocks.js";
import { LogSourceError } from "./log-source-error.js";

/**
 * What a source reads:
 * - a `string` is a file path (`"-"` is stdin); a `.gz` file is gunzipped;
 * - a Node Readable (or any async iterable of bytes or strings) is a stream;
 * - a `Uint8Array` or `{ text: string }` is in-memory content.
 * A plain string is never content: wrap text as `{ text }`.
 */
export type LogInput =
  | string
  | Uint8Array
  | { text: string }
  | NodeJS.ReadableStream
  | AsyncIterable<Uint8Array | string>;

/**
 * How many bytes are decoded into one string (a file block or a stream chunk
 * is decoded in slices of this size), and the size of an in-memory slice.
 * 64 KiB keeps each decoded chunk a young-generation string (larger strings
 * go to V8's large-object space and live until a full GC): peak RSS streaming
 * 1 GiB was about 96 MiB with 64 KiB strings, 140 MiB with 256 KiB, 170 MiB
 * with 1 MiB.
 */
export const DECODE_CHUNK_BYTES = 64 * 1024;

/** An input checked at construction, ready to be read once. */
export interface ResolvedInput {
  /** Default `source` of the records. */
  defaultSourceName: string;
  /** The path of a file input (for error messages), else null. */
  path: string | null;
  /** Size in bytes (file size, in-memory length), or null for streams. */
  totalBytes: number | null;
  /**
   * Opens the bytes; called once, on the first iteration step. Stopping the
   * iteration closes a file; a caller's stream is left open. A yielded Buffer
   * is valid until the next one is asked for (a file is read into reused
   * buffers): a consumer that keeps bytes longer copies them.
   */
  open(): AsyncIterable<Buffer>;
}

function isAsyncIterable(value: object): value is AsyncIterable<Uint8Array | string> {
  return typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === "function";
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

async function* readStream(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  const iterator = (
    stream as { iterator?: (options: object) => AsyncIterable<Uint8Array | string> }
  ).iterator;
  const iterable =
    typeof iterator === "function" ? iterator.call(stream, { destroyOnReturn: false }) : stream;
  for await (const chunk of iterable) yield toBuffer(chunk);
}

/** The file's bytes up to its end; read errors are turned into LogSourceErrors by the source that reads them. */
function readFile(path: string): AsyncIterable<Buffer> {
  return readFileBlocks(path, 0, Number.POSITIVE_INFINITY);
}

async function* readMemory(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let start = 0; start < bytes.length; start += DECODE_CHUNK_BYTES)
    yield bytes.subarray(start, start + DECODE_CHUNK_BYTES);
}

function resolvePath(path: string): ResolvedInput {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory())
      throw new LogSourceError(path, "EISDIR", "is a directory, expected a log file");
    accessSync(path, constants.R_OK);
    size = stats.size;
  } catch (error) {
    if (error instanceof LogSourceError) throw error;
    throw LogSourceError.fromSystemError(path, error);
  }
  return { defaultSourceName: path, path, totalBytes: size, open: () => readFile(path) };
}

function resolveMemory(bytes: Buffer): ResolvedInput {
  return {
    defaultSourceName: "<memory>",
    path: null,
    totalBytes: bytes.length,
    open: () => readMemory(bytes),
  };
}

const EXPECTED_INPUT =
  'a file path, "-" for stdin, a Readable stream, a Uint8Array or { text: string }';

/**
 * Checks an input at construction: a file must exist, be a file and be
 * readable, else a LogSourceError naming the path is thrown right away.
 */
export function resolveInput(input: unknown): ResolvedInput {
  if (typeof input === "string") {
    if (input === "") throw new ConfigError("input", input, EXPECTED_INPUT);
    if (input === "-")
      return {
        defaultSourceName: "<stdin>",
        path: null,
        totalBytes: null,
        open: () => readStream(process.stdin),
      };
    return resolvePath(input);
  }
  if (input instanceof Uint8Array) return resolveMemory(toBuffer(input));
  if (typeof input === "object" && input !== null) {
    if (isAsyncIterable(input))
      return {
        defaultSourceName: "<stdin>",
        path: null,
        totalBytes: null,
        open: () => readStream(input),
      };
    const text = (input as { text?: unknown }).text;
    if (typeof text === "string") return resolveMemory(Buffer.from(text, "utf8"));
  }
  throw new ConfigError("input", input, EXPECTED_INPUT);
}

/**
 * The part `range` of a file input (see the `byteRange` option): throws a
 * ConfigError naming `byteRange` unless the input is a plain (not `.gz`)
 * file path and the range lies within the file.
 */
export function restrictToRange(input: ResolvedInput, range: ByteRange): ResolvedInput {
  const path = input.path;
  if (path === null)
    throw new ConfigError(
      "byteRange",
      range,
      'a byte range only with a file path input (not "-", a stream or in-memory input)',
    );
  if (path.toLowerCase().endsWith(".gz"))
    throw new ConfigError(
      "byteRange",
      range,
      "a byte range only with a plain file, not a .gz file",
    );
  const size = input.totalBytes ?? 0;
  if (range.end > size)
    throw new ConfigError(
      "byteRange",
      range,
      `a range within the file (its size is ${size} bytes)`,
    );
  return {
    ...input,
    totalBytes: range.end - range.start,
    open: () => readFileBlocks(path, range.start, range.end),
  };
}
