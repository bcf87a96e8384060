import { writeFile } from "node:fs/promises";
import { formatLedger, type PipelineResult, runPipeline } from "@logfeat/pipeline";
import { LedgerSchema } from "@logfeat/schema";
import { formatFeatures } from "./feature-output.js";
import { type PipelineFlags, pipelineOptionsFrom } from "./flags.js";
import { createProgressReporter } from "./progress.js";
import { UsageError } from "./usage-error.js";

/** What a command needs from its environment (streams), so tests can run it in-process. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadableStream;
}

/** Reads the single input argument of a pipeline command. */
export function inputArgument(positionals: readonly string[], command: string): string {
  if (positionals.length === 0)
    throw new UsageError(`${command}: missing input file (a path, or - for stdin)`);
  if (positionals.length > 1)
    throw new UsageError(
      `${command}: expected one input file, received ${positionals.length}: ${positionals.join(" ")}`,
    );
  return positionals[0] as string;
}

/**
 * Runs the pipeline for a command: progress on a TTY, then the ledger on
 * stderr (unless `--quiet`) and the JSON summary when asked for. The commands
 * use the features only, so windows are dropped as their features are made.
 */
export async function runWithLedger(
  input: string,
  flags: PipelineFlags,
  io: CommandIo,
): Promise<PipelineResult> {
  const progress = createProgressReporter(io.stderr, !flags.quiet);
  const result = await runPipeline(input === "-" ? io.stdin : input, {
    ...flags.pipeline,
    keepWindows: false,
    onProgress: (update) => progress.update(update),
  });
  progress.done();
  await reportRun(result, flags, io);
  return result;
}

/**
 * What every command prints after a run: the ledger on stderr (unless
 * `--quiet`), the JSON summary (`--json-summary`) and the diagnostics
 * (`--diagnostics`) when asked for.
 */
export async function reportRun(
  result: PipelineResult,
  flags: PipelineFlags,
  io: CommandIo,
): Promise<void> {
  if (!flags.quiet) io.stderr.write(`${formatLedger(result.ledger, result.details)}\n`);
  if (flags.jsonSummary !== undefined)
    await writeFile(
      flags.jsonSummary,
      `${JSON.stringify(LedgerSchema.parse(result.ledger), null, 2)}\n`,
    );
  if (flags.diagnostics !== undefined)
    await writeFile(
      flags.diagnostics,
      result.diagnostics.map((diagnostic) => `${JSON.stringify(diagnostic)}\n`).join(""),
    );
}

/** Exit code of a run: 1 under `--strict` when any record or window was skipped, else 0. */
export function exitCodeFor(result: PipelineResult, flags: PipelineFlags): number {
  const skipped = Object.values(result.ledger.skipped_by_code).reduce(
    (sum, count) => sum + count,
    0,
  );
  return flags.strict && skipped > 0 ? 1 : 0;
}

/** `logfeat run <file|->`: FeatureVectors to stdout or `--out`, ledger on stderr. */
export async function runCommand(
  values: Record<string, string | boolean | undefined>,
  positionals: readonly string[],
  io: CommandIo,
  output: { format: "jsonl" | "csv" | "table"; out: string | undefined },
  write: (pieces: Iterable<string>, out: string | undefined) => Promise<void>,
): Promise<number> {
  const input = inputArgument(positionals, "run");
  const flags = pipelineOptionsFrom(values);
  const result = await runWithLedger(input, flags, io);
  await write(formatFeatures(result.features, output.format), output.out);
  return exitCodeFor(result, flags);
}
