import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { CLI, type CliRun } from "../cli-harness.js";

/** A CLI subprocess running alongside the test. */
export interface CliProcess {
  child: ChildProcess;
  /** Resolves when it exits, with what it printed (signal: how it was killed, else null). */
  done: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

/** A test's subprocess is killed after this long, so a hang fails with its output rather than a test timeout. */
const KILL_AFTER_MS = 60_000;

/** Starts the built CLI with `args` without waiting for it (stdin closed); killed after 60 s. */
export function startCli(args: readonly string[]): CliProcess {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first`);
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const timer = setTimeout(() => {
    stderr += `\n[test: killed after ${KILL_AFTER_MS} ms: logfeat ${args.join(" ")}]\n`;
    child.kill("SIGKILL");
  }, KILL_AFTER_MS);
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve) => {
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs the built CLI with `args` and waits for it, without blocking the test's event loop. */
export function runCliAsync(args: readonly string[]): Promise<CliRun> {
  return startCli(args).done;
}
