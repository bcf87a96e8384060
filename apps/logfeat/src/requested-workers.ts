import { MAX_WORKERS } from "@logfeat/pipeline/workers";

/** Commands whose runs take `--workers`. */
const RUN_COMMANDS = new Set(["run", "baseline", "compare"]);

/**
 * Worker threads a command line will ask the pipeline for, read before the
 * flags are parsed properly: `--workers N` (or `--workers=N`) of `run`,
 * `baseline` or `compare` gives N - 1 (the calling thread is one of the N);
 * anything else, including a bad value (reported later by the real flag
 * parsing), gives 0.
 */
export function requestedWorkerThreads(args: readonly string[]): number {
  if (!RUN_COMMANDS.has(args[0] ?? "")) return 0;
  let value: string | undefined;
  for (let index = 1; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === "--") break;
    if (arg === "--workers") value = args[index + 1];
    else if (arg.startsWith("--workers=")) value = arg.slice("--workers=".length);
  }
  if (value === undefined || !/^\d+$/.test(value)) return 0;
  return Math.min(Math.max(Number(value), 1), MAX_WORKERS) - 1;
}
