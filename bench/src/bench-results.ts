import type { CorpusFormat } from "./corpus-formats.js";
import type { DistributedResult } from "./distributed-run.js";
import type { Stage } from "./stage-timings.js";

/** A timed figure: the median of the runs, and every run. */
export interface TimedFigure {
  /** Median wall seconds. */
  seconds: number;
  /** Records in the file (or through the stage) divided by the median seconds. */
  recordsPerSecond: number;
  /** Seconds of every run, in run order. */
  runSeconds: number[];
}

/** A timed child process: the figure plus its median peak RSS. */
export interface ProcessFigure extends TimedFigure {
  /** Median peak resident set size of the whole process, MiB (null when it could not be read). */
  peakRssMib: number | null;
}

/** One `logfeat run` configuration, end to end. */
export interface EndToEndFigure extends ProcessFigure {
  retainLogs: boolean;
  /** The `--workers` value, or 1 when the CLI has no such flag (then none is passed). */
  workers: number;
  /** Whether `--workers` was passed at all. */
  workersFlag: boolean;
  /** Median seconds divided by the raw limit's median seconds on the same file (null when not measured). */
  ratioToRaw: number | null;
  /** The ledger of the last run (`--json-summary`): records_in, entries, windows. */
  ledger: { records_in: number; entries: number; windows: number };
  /** SHA-256 of the FeatureVector JSONL of the last run. */
  outputSha256: string;
}

/** DuckDB's side: the figure and whether its rows equal logfeat's features. */
export interface DuckdbFigure extends ProcessFigure {
  threads: number;
  windows: number;
  totalEvents: number;
  /** Windows whose counts, rates, durations or distinct counts differ from logfeat's output (0 = same aggregation). */
  windowsDifferingFromLogfeat: number;
}

/** Everything measured on one format's file. */
export interface FormatResults {
  file: { name: string; bytes: number };
  /** Read + split + one regex / JSON.parse per line / papaparse, as a whole process. */
  rawLimit: ProcessFigure;
  /** Each stage alone, in process (records/s through the stage). */
  stages: Record<Stage, TimedFigure>;
  endToEnd: EndToEndFigure[];
  duckdb: DuckdbFigure | null;
}

/** The 10M-record `--no-retain-logs` run. */
export interface TenMillionResult {
  records: number;
  format: CorpusFormat;
  file: { name: string; bytes: number };
  runs: EndToEndFigure[];
}

/** The content of `bench/results/latest.json`. */
export interface BenchResults {
  generatedAt: string;
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    totalMemoryGib: number;
    /** 1-minute load average at the start and the end: the machine is shared and noisy. */
    loadAverage: { start: number; end: number };
  };
  options: { records: number; seed: number; runs: number; workers: number[] };
  rssMethod: "gnu-time" | "resource-usage";
  corpus: { records: number; malformed: number; outOfOrder: number; seed: number };
  formats: Partial<Record<CorpusFormat, FormatResults>>;
  checks: {
    /** All `logfeat run` outputs (every format, mode and worker count) are byte-identical. */
    identicalOutput: boolean;
    outputHashes: string[];
  };
  tenMillion: TenMillionResult | null;
  /** submit + N workers + collect on Redis against `logfeat run` (text corpus); null when skipped. */
  distributed: DistributedResult | null;
  /** What was skipped, and why (a worker count the CLI rejects, DuckDB missing...). */
  notes: string[];
  wallSeconds: number;
}
