import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiError } from "./api-types.js";

/** A request the server refuses: answered with `status` and `{ "error": message }`. */
export class HttpError extends Error {
  override name = "HttpError";
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Sends `body` as JSON with `status` (no caching: every answer describes the current run). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendJsonText(response, status, JSON.stringify(body));
}

/** Sends already serialized JSON. */
export function sendJsonText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(text);
}

/** Sends `{ "error": message }` with a 4xx/5xx status. */
export function sendError(response: ServerResponse, status: number, message: string): void {
  const body: ApiError = { error: message };
  sendJson(response, status, body);
}

/**
 * Throws a 413 HttpError when the request announces a body longer than
 * `limitBytes` (Content-Length), before anything is read.
 */
export function checkDeclaredLength(request: IncomingMessage, limitBytes: number): void {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(
    413,
    `request body too large: the limit is ${limitBytes} bytes (${(limitBytes / 1_048_576).toFixed(1)} MiB; serve --max-upload-mb)`,
  );
}

/**
 * Reads a JSON request body of at most `limitBytes`. Too long: 413; not
 * JSON: 400 naming the parse problem.
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  checkDeclaredLength(request, limitBytes);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `malformed JSON body: ${(error as Error).message}`);
  }
}

/**
 * Streams the request body into `path` (created, never overwritten), failing
 * with a 413 HttpError beyond `limitBytes` (the rest of the body is then
 * discarded, so the client still reads the answer); the partial file is
 * removed on any failure. Resolves to the number of bytes written.
 */
export function streamBodyToFile(
  request: IncomingMessage,
  path: string,
  limitBytes: number,
): Promise<number> {
  checkDeclaredLength(request, limitBytes);
  return new Promise<number>((resolve, reject) => {
    const file = createWriteStream(path, { flags: "wx" });
    let received = 0;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      request.unpipe(file);
      file.destroy();
      request.resume();
      unlink(path).then(
        () => reject(error),
        () => reject(error),
      );
    };
    request.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) fail(tooLarge(limitBytes));
    });
    request.on("error", (error) =>
      fail(new HttpError(400, `upload interrupted: ${error.message}`)),
    );
    request.on("close", () => {
      if (!request.complete) fail(new HttpError(400, "upload interrupted"));
    });
    file.on("error", fail);
    file.on("finish", () => {
      if (!failed) resolve(file.bytesWritten);
    });
    request.pipe(file);
  });
}

/**
 * Discards what is left of a refused request's body, so the client reads the
 * answer instead of a reset connection; the connection is closed afterwards.
 */
export function discardBody(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader("connection", "close");
  if (!request.readableEnded) request.resume();
}
