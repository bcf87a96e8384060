import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { request } from "node:http";
import { CLI } from "../cli-harness.js";

/** A `logfeat serve` subprocess. */
export interface ServeProcess {
  /** The URL it printed (`http://127.0.0.1:<port>/`). */
  url: string;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built CLI as `logfeat serve --port 0 <args>` and resolves once
 * it printed its URL (rejects with its stderr if it exits first).
 */
export function startServe(args: readonly string[]): Promise<ServeProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first`);
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /http:\/\/\S+\//.exec(stdout)?.[0];
      if (url !== undefined)
        resolve({
          url,
          stderr: () => stderr,
          stop: () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
    });
    void exited.then((code) =>
      reject(new Error(`logfeat serve exited with ${code} before printing its URL:\n${stderr}`)),
    );
  });
}

/** An HTTP answer: status, headers and body text. */
export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Sends one request with the request target exactly as given (no URL
 * normalization, unlike fetch: `/../x` and `%2e%2e` reach the server as is).
 */
export function rawRequest(
  url: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { hostname, port, path: target, method: options.method ?? "GET", headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}
