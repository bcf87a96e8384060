import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { listLayouts } from "@logfeat/parsers";
import { formatLedger } from "@logfeat/pipeline";
import { PIPELINE_FLAGS, pipelineOptionsFrom } from "../flags.js";
import type { CommandIo } from "../run-command.js";
import { UsageError } from "../usage-error.js";
import { createRunStore } from "./run-store.js";
import { startServeServer } from "./server.js";

/** Pipeline flags that make no sense for a server (files written per run, exit codes, dropping logs). */
const NOT_FOR_SERVE = new Set([
  "json-summary",
  "diagnostics",
  "strict",
  "retain-logs",
  "no-retain-logs",
]);

/** The flags of `logfeat serve`: the pipeline flags of `run` plus where to listen. */
export const SERVE_FLAGS: Readonly<
  Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>
> = {
  ...Object.fromEntries(
    Object.entries(PIPELINE_FLAGS).filter(([flag]) => !NOT_FOR_SERVE.has(flag)),
  ),
  port: { type: "string" },
  host: { type: "string" },
  "max-upload-mb": { type: "string" },
};

/** Default port of `logfeat serve`. */
export const DEFAULT_PORT = 5173;
/** Default interface: loopback only. */
export const DEFAULT_HOST = "127.0.0.1";
/** Default upload limit in MiB. */
export const DEFAULT_MAX_UPLOAD_MB = 512;

type Values = Record<string, string | boolean | undefined>;

function portFrom(values: Values): number {
  const text = values["port"];
  if (typeof text !== "string") return DEFAULT_PORT;
  if (!/^\d+$/.test(text) || Number(text) > 65_535)
    throw new UsageError(
      `--port: expected an integer 0..65535 (0 picks a free port), received "${text}"`,
    );
  return Number(text);
}

function maxUploadBytesFrom(values: Values): number {
  const text = values["max-upload-mb"];
  if (typeof text !== "string") return DEFAULT_MAX_UPLOAD_MB * 1_048_576;
  const megabytes = Number(text);
  if (text.trim() === "" || !Number.isFinite(megabytes) || megabytes <= 0)
    throw new UsageError(`--max-upload-mb: expected a number of MiB > 0, received "${text}"`);
  return Math.floor(megabytes * 1_048_576);
}

/** The built page next to the compiled CLI (dist/web). */
async function webRootFor(): Promise<string> {
  const folder = fileURLToPath(new URL("../web/", import.meta.url));
  try {
    return await realpath(folder);
  } catch {
    throw new UsageError(`serve: the page is not built (${folder} is missing): run "pnpm build"`);
  }
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/**
 * `logfeat serve [file] [--port 5173] [--host 127.0.0.1] [--max-upload-mb 512]
 * [pipeline flags]`: runs the pipeline on the file (if given), then serves
 * the page and its API until SIGINT/SIGTERM. Prints the URL on stdout (the
 * bound port with `--port 0`); opens nothing. Uploads go to a temporary
 * folder that is removed on exit.
 */
export async function serveCommand(
  values: Values,
  positionals: readonly string[],
  io: CommandIo,
): Promise<number> {
  if (positionals.length > 1)
    throw new UsageError(`serve: expected at most one input file, received ${positionals.length}`);
  const input = positionals[0];
  if (input === "-")
    throw new UsageError(
      "serve: needs a file, not stdin (it reads the file again when options change)",
    );
  const port = portFrom(values);
  const host = typeof values["host"] === "string" ? values["host"] : DEFAULT_HOST;
  const maxUploadBytes = maxUploadBytesFrom(values);
  const flags = pipelineOptionsFrom(values);
  const webRoot = await webRootFor();
  const log = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  const store = createRunStore(flags.pipeline);
  const uploadRoot = await mkdtemp(join(tmpdir(), "logfeat-serve-"));
  try {
    if (input !== undefined) {
      const summary = await store.run({ path: input, name: basename(input) }, {});
      if (!flags.quiet) log(formatLedger(summary.ledger, summary.details));
    }
    const server = await startServeServer({
      host,
      port,
      webRoot,
      uploadRoot,
      maxUploadBytes,
      store,
      layouts: listLayouts().map(({ name, description }) => ({ name, description })),
      log: flags.quiet ? () => undefined : log,
    });
    io.stdout.write(`logfeat serve: ${server.url} (Ctrl+C to stop)\n`);
    if (!["127.0.0.1", "localhost", "::1"].includes(host))
      log(`logfeat serve: listening on ${host}: whoever can reach it can see and upload logs`);
    await waitForStopSignal();
    await server.close();
    return 0;
  } finally {
    await rm(uploadRoot, { recursive: true, force: true });
  }
}
