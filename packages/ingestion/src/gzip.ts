import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { DECODE_CHUNK_BYTES } from "./log-input.js";

/** Output buffer size of the gunzip stream: one decoded string (see DECODE_CHUNK_BYTES). */
const GUNZIP_CHUNK_BYTES = DECODE_CHUNK_BYTES;

/** True when `head` starts with the gzip magic bytes `1f 8b`. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The decompressed bytes of a gzip stream (several concatenated members are read as one). */
export function gunzip(compressed: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const gunzipStream = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  pipeline(Readable.from(compressed, { objectMode: false }), gunzipStream, () => {});
  return gunzipStream;
}

/** True for the error zlib raises on corrupt or truncated data (codes `Z_DATA_ERROR`, `Z_BUF_ERROR`...). */
export function isDecompressionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}
