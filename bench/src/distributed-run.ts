import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_DIRECTORY } from "./bench-options.js";

/** One row of the distributed benchmark: `logfeat run`, or submit + N workers + collect. */
export interface DistributedRow {
  path: string;
  /** Worker processes (null for `logfeat run`). */
  workers: number | null;
  /** Median wall seconds, submit start to collect end. */
  seconds: number;
  recordsPerSecond: number;
  /** seconds / seconds of `logfeat run` on the same file. */
  ratioToRun: number;
  /** Median seconds of `logfeat submit` alone (null for `logfeat run`). */
  submitSeconds: number | null;
}

/** The distributed path measured on the text corpus (issue 11). */
export interface DistributedResult {
  records: number;
  runs: number;
  rows: DistributedRow[];
  /** Every collect output was byte-identical to `logfeat run`'s (the script fails otherwise). */
  identicalOutput: boolean;
}

const SCRIPT = join(REPO_DIRECTORY, "apps", "logfeat", "scripts", "distributed-bench.mjs");

/** True when a `redis-server` binary is on the PATH (the script starts its own). */
export function redisServerAvailable(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Runs the app's distributed benchmark (`apps/logfeat/scripts/distributed-bench.mjs`:
 * a private redis-server, `logfeat run` against submit + N workers + collect,
 * outputs compared byte for byte) on `file`, and reads its figures.
 */
export function measureDistributed(
  file: string,
  workers: readonly number[],
  runs: number,
  scratch: string,
): DistributedResult {
  const json = join(scratch, "distributed.json");
  rmSync(json, { force: true });
  const result = spawnSync(
    process.execPath,
    [
      SCRIPT,
      "--file",
      file,
      "--workers",
      workers.join(","),
      "--runs",
      String(runs),
      "--json",
      json,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`distributed benchmark failed (exit ${result.status})`);
  return JSON.parse(readFileSync(json, "utf8")) as DistributedResult;
}
