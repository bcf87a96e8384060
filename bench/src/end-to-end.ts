import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLI_PATH } from "./bench-options.js";
import { type ProcessMeasurement, runMeasured } from "./measured-process.js";

/** The fixed clock of every run, so outputs are byte-comparable. */
export const BENCH_NOW = "2025-01-01T00:00:00Z";

/** One way of running `logfeat run`. */
export interface EndToEndMode {
  retainLogs: boolean;
  workers: number;
  /** Pass `--workers` (false for 1 when the CLI has no such flag). */
  workersFlag: boolean;
}

/** A measured `logfeat run`: the process figures, its ledger and the hash of its output. */
export interface EndToEndRun extends ProcessMeasurement {
  ledger: { records_in: number; entries: number; windows: number };
  outputSha256: string;
}

/** Short name of a mode, e.g. `w1 retain`, `w2 no-retain`. */
export function modeLabel(mode: EndToEndMode): string {
  return `w${mode.workers} ${mode.retainLogs ? "retain" : "no-retain"}`;
}

function cliArguments(input: string, mode: EndToEndMode, out: string, summary: string): string[] {
  const args = [CLI_PATH, "run", input, "--quiet", "--output", "jsonl", "--out", out];
  args.push("--now", BENCH_NOW, "--json-summary", summary);
  args.push(mode.retainLogs ? "--retain-logs" : "--no-retain-logs");
  if (mode.workersFlag) args.push("--workers", String(mode.workers));
  return args;
}

/**
 * `node apps/logfeat/dist/cli.js run <input> --quiet --output jsonl --out <scratch>
 * --now 2025-01-01T00:00:00Z --json-summary <scratch>` (+ `--retain-logs` or
 * `--no-retain-logs`, the CLI's default, and `--workers N`) as a child
 * process; throws when it fails.
 */
export async function runEndToEnd(
  input: string,
  mode: EndToEndMode,
  scratchDirectory: string,
): Promise<EndToEndRun> {
  const name = `${mode.retainLogs ? "retain" : "no-retain"}-w${mode.workers}`;
  const out = join(scratchDirectory, `${name}.jsonl`);
  const summary = join(scratchDirectory, `${name}.summary.json`);
  const measurement = await runMeasured(cliArguments(input, mode, out, summary));
  if (measurement.exitCode !== 0)
    throw new Error(
      `logfeat run ${input} (${modeLabel(mode)}) exited with ${measurement.exitCode}: ${measurement.stderr.slice(0, 2000)}`,
    );
  const ledger = JSON.parse(readFileSync(summary, "utf8")) as EndToEndRun["ledger"];
  const outputSha256 = createHash("sha256").update(readFileSync(out)).digest("hex");
  return {
    ...measurement,
    ledger: { records_in: ledger.records_in, entries: ledger.entries, windows: ledger.windows },
    outputSha256,
  };
}

/**
 * The modes to run for the requested worker counts: a count the CLI rejects
 * (tried on `probeInput`) is left out with a note, except 1, which then runs
 * without the flag (the CLI's default is one thread).
 */
export async function resolveModes(
  workers: readonly number[],
  probeInput: string,
  scratchDirectory: string,
): Promise<{ modes: EndToEndMode[]; notes: string[] }> {
  const notes: string[] = [];
  const accepted: { workers: number; workersFlag: boolean }[] = [];
  for (const count of workers) {
    const mode = { retainLogs: true, workers: count, workersFlag: true };
    const probe = await runMeasured(
      cliArguments(
        probeInput,
        mode,
        join(scratchDirectory, "probe.jsonl"),
        join(scratchDirectory, "probe.summary.json"),
      ),
    );
    if (probe.exitCode === 0) accepted.push({ workers: count, workersFlag: true });
    else if (count === 1) {
      accepted.push({ workers: 1, workersFlag: false });
      notes.push("the CLI rejects --workers 1; workers 1 runs without the flag (the default)");
    } else
      notes.push(
        `the CLI rejects --workers ${count} (${probe.stderr.trim().split("\n")[0] ?? ""}); skipped`,
      );
  }
  const modes: EndToEndMode[] = [];
  for (const retainLogs of [true, false])
    for (const count of accepted) modes.push({ retainLogs, ...count });
  return { modes, notes };
}
