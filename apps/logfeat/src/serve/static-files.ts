import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, isAbsolute, join, relative } from "node:path";
import { HttpError } from "./http-io.js";

/** Content types of the files a Vite build emits. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * Decodes the path part of a request target (`/assets/a.js`) and checks it
 * is a plain path inside the site: it must start with `/`, decode cleanly,
 * and contain no NUL, no backslash and no `.` or `..` segment (also when
 * percent-encoded, e.g. `%2e%2e` or `..%2f`). Anything else is a 400.
 */
export function decodeRequestPath(rawPath: string): string {
  if (!rawPath.startsWith("/"))
    throw new HttpError(400, "bad request target: expected a path starting with /");
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new HttpError(400, "bad request target: malformed percent-encoding");
  }
  if (decoded.includes("\0")) throw new HttpError(400, "bad request target: NUL byte");
  if (decoded.includes("\\")) throw new HttpError(400, "bad request target: backslash");
  if (decoded.split("/").some((segment) => segment === ".." || segment === "."))
    throw new HttpError(400, "bad request target: '.' and '..' segments are not allowed");
  return decoded;
}

/**
 * Serves one file of the built page from `webRoot` (`/` is `index.html`).
 * `path` is a path checked by `decodeRequestPath`; the resolved file must
 * still lie inside `webRoot` after following links, else 404, as for a
 * missing file. Assets under `/assets/` have hashed names and are cached.
 */
export async function serveStaticFile(
  webRoot: string,
  path: string,
  response: ServerResponse,
  headOnly: boolean,
): Promise<void> {
  const relativePath = path === "/" ? "index.html" : path.replace(/^\/+/, "");
  const notFound = new HttpError(404, `not found: ${path}`);
  let file: string;
  try {
    file = await realpath(join(webRoot, relativePath));
  } catch {
    throw notFound;
  }
  const inside = relative(webRoot, file);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) throw notFound;
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) throw notFound;
  response.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": path.startsWith("/assets/")
      ? "public, max-age=31536000, immutable"
      : "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (headOnly) {
    response.end();
    return;
  }
  createReadStream(file)
    .on("error", () => response.destroy())
    .pipe(response);
}
