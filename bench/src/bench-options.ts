import { fileURLToPath } from "node:url";

/** The bench package folder (`bench/`), whether running from `src` or `dist`. */
export const BENCH_DIRECTORY: string = fileURLToPath(new URL("..", import.meta.url));
/** The repository root. */
export const REPO_DIRECTORY: string = fileURLToPath(new URL("../..", import.meta.url));
/** Where corpora are written (gitignored). */
export const CORPUS_DIRECTORY: string = fileURLToPath(new URL("../corpus/", import.meta.url));
/** Where results are written (`latest.json` is committed, the rest ignored). */
export const RESULTS_DIRECTORY: string = fileURLToPath(new URL("../results/", import.meta.url));
/** The `logfeat` command as installed (the app's bundle, `dist/bin/cli.js`), built by `pnpm build`. */
export const CLI_PATH: string = fileURLToPath(
  new URL("../../apps/logfeat/dist/bin/cli.js", import.meta.url),
);
/**
 * The same command from the unbundled modules tsc emits (`dist/cli.js`): the
 * profile runs it so that its samples name the package of each function
 * (it starts about 0.15 s slower, loading ~270 modules).
 */
export const UNBUNDLED_CLI_PATH: string = fileURLToPath(
  new URL("../../apps/logfeat/dist/cli.js", import.meta.url),
);

/** Default corpus size. */
export const DEFAULT_RECORDS = 1_000_000;
/** Default PRNG seed. */
export const DEFAULT_SEED = 42;

/** What one benchmark run measures; from flags first, then environment variables. */
export interface BenchOptions {
  /** `--records N` / `BENCH_RECORDS` (default 1,000,000). */
  records: number;
  /** `--seed N` / `BENCH_SEED` (default 42). */
  seed: number;
  /** `--runs N` / `BENCH_RUNS` (default 3): each figure is the median of this many runs. */
  runs: number;
  /** `--workers 1,2` / `BENCH_WORKERS` (default "1,2"): `--workers` values to try end to end. */
  workers: number[];
  /** `--ten-million` / `BENCH_10M=1`: also the 10M-record `--no-retain-logs` peak-RSS run. */
  tenMillion: boolean;
  /** `--skip-duckdb` / `BENCH_SKIP_DUCKDB=1`. */
  skipDuckdb: boolean;
  /** `--skip-distributed` / `BENCH_SKIP_DISTRIBUTED=1`: leave out the Redis distributed path. */
  skipDistributed: boolean;
}

function flagValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  const prefixed = args.find((arg) => arg.startsWith(`--${name}=`));
  return prefixed?.slice(name.length + 3);
}

function positiveInteger(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}: expected a positive integer, received "${text}"`);
  return value;
}

function integerList(text: string | undefined, fallback: number[], name: string): number[] {
  if (text === undefined || text.trim() === "") return fallback;
  return text.split(",").map((part) => positiveInteger(part.trim(), 1, name));
}

function enabled(text: string | undefined): boolean {
  return text !== undefined && text !== "" && text !== "0" && text.toLowerCase() !== "false";
}

/** Reads the options from `args` (flags) and `environment` (BENCH_* variables). */
export function readBenchOptions(
  args: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): BenchOptions {
  return {
    records: positiveInteger(
      flagValue(args, "records") ?? environment["BENCH_RECORDS"],
      DEFAULT_RECORDS,
      "--records",
    ),
    seed: positiveInteger(
      flagValue(args, "seed") ?? environment["BENCH_SEED"],
      DEFAULT_SEED,
      "--seed",
    ),
    runs: positiveInteger(flagValue(args, "runs") ?? environment["BENCH_RUNS"], 3, "--runs"),
    workers: integerList(
      flagValue(args, "workers") ?? environment["BENCH_WORKERS"],
      [1, 2],
      "--workers",
    ),
    tenMillion: args.includes("--ten-million") || enabled(environment["BENCH_10M"]),
    skipDuckdb: args.includes("--skip-duckdb") || enabled(environment["BENCH_SKIP_DUCKDB"]),
    skipDistributed:
      args.includes("--skip-distributed") || enabled(environment["BENCH_SKIP_DISTRIBUTED"]),
  };
}
