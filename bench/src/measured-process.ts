import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one child process did: its wall time, peak memory, exit code and output. */
export interface ProcessMeasurement {
  /** Wall seconds from spawn to exit (Node start-up included: the whole process). */
  seconds: number;
  /** Peak resident set size in KiB, or null when it could not be read. */
  peakRssKib: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
const RSS_PRELOAD = new URL("./rss-preload.js", import.meta.url).href;

function hasGnuTime(): boolean {
  try {
    accessSync(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How peak RSS is read: `/usr/bin/time -v` when present, else a `--import` preload reading `process.resourceUsage().maxRSS`. */
export const RSS_METHOD: "gnu-time" | "resource-usage" = hasGnuTime()
  ? "gnu-time"
  : "resource-usage";

const MAX_RSS_LINE = /Maximum resident set size \(kbytes\): (\d+)/;

/**
 * Runs `node <nodeArguments...>` as a child process and measures it. Peak
 * RSS comes from `/usr/bin/time -v` (`Maximum resident set size`) or, without
 * it, from a preload that writes `process.resourceUsage().maxRSS` on exit.
 * The child is killed after `timeoutSeconds`.
 */
export function runMeasured(
  nodeArguments: readonly string[],
  options: { cwd?: string; timeoutSeconds?: number } = {},
): Promise<ProcessMeasurement> {
  const scratch = mkdtempSync(join(tmpdir(), "logfeat-bench-"));
  const rssFile = join(scratch, "rss");
  const command = RSS_METHOD === "gnu-time" ? GNU_TIME : process.execPath;
  const args =
    RSS_METHOD === "gnu-time"
      ? ["-v", "-o", rssFile, process.execPath, ...nodeArguments]
      : ["--import", RSS_PRELOAD, ...nodeArguments];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), (options.timeoutSeconds ?? 900) * 1000);
    child.on("error", (error) => {
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on("close", (exitCode) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      let peakRssKib: number | null = null;
      try {
        const report = readFileSync(rssFile, "utf8");
        const match = RSS_METHOD === "gnu-time" ? MAX_RSS_LINE.exec(report) : [report, report];
        if (match?.[1] !== undefined && /^\d+$/.test(match[1].trim()))
          peakRssKib = Number(match[1]);
      } catch {
        peakRssKib = null;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ seconds, peakRssKib, exitCode, stdout, stderr });
    });
  });
}
