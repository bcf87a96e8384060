import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The app folder. */
export const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The built CLI the tests run as a subprocess (built by `pnpm build` / `pnpm test`). */
export const CLI = join(APP_DIR, "dist", "bin", "cli.js");

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args` (and `stdin` text, if given), waiting for it to exit. */
export function runCli(args: readonly string[], stdin?: string): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: stdin ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder for one test's files. */
export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "logfeat-app-test-"));
}

/** A fixed clock for reproducible output. */
export const NOW = "2025-03-01T00:00:00Z";
