import { mkdtemp, rm, utimes } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ConfigError, FEATURE_NAMES, LogfeatError, toEpochMillis } from "@logfeat/schema";
import type { z } from "zod";
import type { LayoutJson, RunResponseJson, RunSummaryJson } from "./api-types.js";
import {
  discardBody,
  HttpError,
  readJsonBody,
  sendError,
  sendJson,
  sendJsonText,
  streamBodyToFile,
} from "./http-io.js";
import {
  describeZodError,
  MAX_WINDOW_LOGS,
  OptionsBodySchema,
  UploadQuerySchema,
  WindowQuerySchema,
} from "./request-schemas.js";
import type { RunStore } from "./run-store.js";
import { decodeRequestPath, serveStaticFile } from "./static-files.js";

/** Largest JSON body `POST /api/options` accepts. */
const MAX_JSON_BODY_BYTES = 64 * 1024;

/** What `startServeServer` needs. */
export interface ServeServerOptions {
  /** Interface to listen on (`127.0.0.1` by default in the CLI). */
  host: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** The built page (dist/web), already resolved with realpath. */
  webRoot: string;
  /** The server's own folder for uploads (each upload gets a folder inside). */
  uploadRoot: string;
  /** Largest upload in bytes; more is a 413. */
  maxUploadBytes: number;
  store: RunStore;
  /** The named text layouts, offered by the page. */
  layouts: readonly LayoutJson[];
  /** Where the server reports finished runs and internal errors (one line each). */
  log: (line: string) => void;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port/`, with the port actually bound. */
  url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const EMPTY_QUERY_SCHEMA_MESSAGE = "this route takes no query parameters";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith("127.");
}

/** The host name of a Host header or an Origin's host (`localhost:5173` -> `localhost`). */
function hostName(hostAndPort: string): string {
  return hostAndPort.startsWith("[")
    ? hostAndPort.slice(0, hostAndPort.indexOf("]") + 1)
    : (hostAndPort.split(":")[0] ?? "");
}

/**
 * Refuses requests another site could make through the user's browser: on
 * a loopback server the Host header must name a loopback host (no DNS
 * rebinding), and a POST with an Origin must come from this server's page.
 */
function checkRequestOrigin(request: IncomingMessage, boundToLoopback: boolean): void {
  const host = request.headers.host ?? "";
  if (boundToLoopback && !isLoopback(hostName(host)))
    throw new HttpError(403, `unexpected Host header "${host}": use the URL logfeat serve printed`);
  const origin = request.headers.origin;
  if (request.method === "POST" && origin !== undefined) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new HttpError(403, `bad Origin header "${origin}"`);
    }
    if (originHost !== host) throw new HttpError(403, `cross-origin request from ${origin}`);
  }
}

function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  query: URLSearchParams,
): z.infer<Schema> {
  const result = schema.safeParse(Object.fromEntries(query));
  if (!result.success) throw new HttpError(400, `bad query: ${describeZodError(result.error)}`);
  return result.data;
}

function expectMethod(request: IncomingMessage, method: "GET" | "POST"): void {
  const actual = request.method ?? "GET";
  if (actual === method || (method === "GET" && actual === "HEAD")) return;
  throw new HttpError(405, `method ${actual} not allowed here (use ${method})`);
}

function expectNoQuery(query: URLSearchParams): void {
  if ([...query.keys()].length > 0) throw new HttpError(400, EMPTY_QUERY_SCHEMA_MESSAGE);
}

/** A file name safe to create in the upload folder, keeping the extension (format detection). */
function uploadFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return safe.length > 200 ? safe.slice(safe.length - 200) : safe;
}

/** The status and message of an error thrown while answering. */
function errorAnswer(error: unknown): { status: number; message: string; internal: boolean } {
  if (error instanceof HttpError)
    return { status: error.status, message: error.message, internal: false };
  if (error instanceof ConfigError || (LogfeatError.isInstance(error) && "option" in error))
    return { status: 400, message: error.message, internal: false };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (LogfeatError.isInstance(error) || code === "ENOENT" || code === "EACCES")
    return { status: 422, message: (error as Error).message, internal: false };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, message: `internal error: ${message}`, internal: true };
}

/**
 * Starts the HTTP server of `logfeat serve`: the built page and the JSON
 * API (`GET /api/run`, `GET /api/status`, `GET /api/window`, `POST
 * /api/upload`, `POST /api/options`). Every request is validated; a bad one
 * is answered with 4xx and `{ "error": "..." }` and the server keeps serving.
 * No route takes a path: the server reads only the command-line file, its
 * uploads and the page's files.
 */
export async function startServeServer(options: ServeServerOptions): Promise<RunningServer> {
  const { store } = options;
  const boundToLoopback = isLoopback(options.host);

  function logRun(summary: RunSummaryJson): void {
    const { ledger } = summary;
    options.log(
      `logfeat serve: run ${summary.id}: ${summary.source.name}: ${ledger.records_in} records, ${ledger.parse_skipped + ledger.normalize_skipped} skipped, ${ledger.features} windows in ${Math.round(ledger.elapsed_ms)} ms`,
    );
  }

  function runResponse(): string {
    const rest: Omit<RunResponseJson, "run"> = {
      status: store.status(),
      options: store.defaults(),
      limits: { max_upload_bytes: options.maxUploadBytes, max_window_logs: MAX_WINDOW_LOGS },
      layouts: [...options.layouts],
      feature_names: [...FEATURE_NAMES],
    };
    return `{"run":${store.currentText() ?? "null"},${JSON.stringify(rest).slice(1)}`;
  }

  async function upload(query: URLSearchParams, request: IncomingMessage): Promise<void> {
    const { name, modified, ...runOptions } = parseQuery(UploadQuerySchema, query);
    const running = store.status().running;
    if (running !== null)
      throw new HttpError(409, `a run is in progress (${running.source}); try again when it ends`);
    const folder = await mkdtemp(join(options.uploadRoot, "upload-"));
    const release = (): Promise<void> => rm(folder, { recursive: true, force: true });
    try {
      const path = join(folder, uploadFileName(name));
      await streamBodyToFile(request, path, options.maxUploadBytes);
      if (modified !== undefined) {
        const instant = new Date(modified);
        await utimes(path, instant, instant);
      }
      logRun(await store.run({ path, name, release }, runOptions));
    } catch (error) {
      await release();
      throw error;
    }
  }

  async function api(
    path: string,
    query: URLSearchParams,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    switch (path) {
      case "/api/run":
        expectMethod(request, "GET");
        expectNoQuery(query);
        sendJsonText(response, 200, runResponse());
        return;
      case "/api/status":
        expectMethod(request, "GET");
        expectNoQuery(query);
        sendJson(response, 200, store.status());
        return;
      case "/api/window": {
        expectMethod(request, "GET");
        const { service, start, offset, limit } = parseQuery(WindowQuerySchema, query);
        const instant = toEpochMillis(Date.parse(start));
        if (instant === null) throw new HttpError(400, `bad query: start: out of range: ${start}`);
        sendJson(response, 200, store.window(service, instant, offset, limit));
        return;
      }
      case "/api/upload":
        expectMethod(request, "POST");
        await upload(query, request);
        sendJsonText(response, 200, runResponse());
        return;
      case "/api/options": {
        expectMethod(request, "POST");
        expectNoQuery(query);
        const parsed = OptionsBodySchema.safeParse(
          await readJsonBody(request, MAX_JSON_BODY_BYTES),
        );
        if (!parsed.success)
          throw new HttpError(400, `bad options: ${describeZodError(parsed.error)}`);
        logRun(await store.rerun(parsed.data));
        sendJsonText(response, 200, runResponse());
        return;
      }
      default:
        throw new HttpError(404, `unknown API route ${path}`);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? "/";
    const queryStart = target.indexOf("?");
    const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? "" : target.slice(queryStart + 1));
    checkRequestOrigin(request, boundToLoopback);
    const path = decodeRequestPath(rawPath);
    if (path === "/api" || path.startsWith("/api/")) {
      await api(path, query, request, response);
      return;
    }
    const method = request.method ?? "GET";
    if (method !== "GET" && method !== "HEAD")
      throw new HttpError(405, `method ${method} not allowed for page files`);
    await serveStaticFile(options.webRoot, path, response, method === "HEAD");
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const answer = errorAnswer(error);
      if (answer.internal)
        options.log(
          `logfeat serve: ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      if (response.headersSent) {
        response.destroy();
        return;
      }
      discardBody(request, response);
      sendError(response, answer.status, answer.message);
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
