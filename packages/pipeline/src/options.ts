import type { Clock } from "@logfeat/features";
import type { FeatureVector, LevelScheme } from "@logfeat/schema";

/** Progress of a running pipeline, reported after every chunk. */
export interface PipelineProgress {
  /** Bytes of the input read so far (compressed bytes for gzip). */
  bytesRead: number;
  /** Size of the input file in bytes, or null (stdin, streams). */
  totalBytes: number | null;
  /** Records ingested so far (before parsing). */
  records: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/**
 * Options of `runPipeline`: the options of every stage, under their stage
 * names, plus the run's own. Each stage validates its options when the run
 * starts; a bad value throws ConfigError (AggregationError for aggregation
 * options) naming the option, before any record is read.
 */
export interface PipelineOptions {
  /** Input format: `"auto"` (default), `"text"`, `"json"` or `"csv"`. */
  format?: "auto" | "text" | "json" | "csv";
  /** CSV delimiter; default: `\t` for `.tsv`, else auto-detected. */
  delimiter?: string;
  /** Text layout: `"auto"` (default), a named layout (`"loghub:HDFS"`, `"logfmt"`, ...) or a template. */
  layout?: string;
  /** IANA zone for naive timestamps and day-or-longer windows. Default `"UTC"`. */
  timeZone?: string;
  /**
   * Instant that year-less timestamps are read against. Default: the input
   * file's modification time, else the time of the run.
   */
  referenceTime?: number | Date | string;
  /** Numeric level scheme (`pino`, `syslog`, `otel`, `python`, `log4j2`). */
  levelScheme?: LevelScheme;
  /** What `message_hash` hashes: the masked template (default) or the exact message. */
  messageHash?: "template" | "exact";
  /**
   * Service for records that carry none (counted as `service_defaulted`).
   * Default: the input file's base name, sanitized (`"stdin"` for stdin);
   * `null` turns the default off (such records are skipped).
   */
  defaultService?: string | null;
  /** Window length in seconds. Default 300. */
  windowSizeSeconds?: number;
  /** Add empty windows between a service's first and last window. Default false. */
  fillGaps?: boolean;
  /** Keep each window's LogEntries (`window.logs`). Default true. */
  retainLogs?: boolean;
  /**
   * Return the windows in `result.windows`. Default true. With false, each
   * window is dropped as soon as its features are extracted and
   * `result.windows` is empty (the ledger still counts them): what a caller
   * that only wants features (the CLI's `run`) passes to keep memory to the
   * open windows.
   */
  keepWindows?: boolean;
  /**
   * Seconds the watermark trails the latest timestamp: windows are emitted
   * (and passed to `onFeatures`) as it passes their end, later entries for
   * them count as `late_entry`. Default Infinity: every window at the end of
   * input, nothing late (out-of-order files are common).
   */
  allowedLatenessSeconds?: number;
  /** Clock for `metadata.extraction_timestamp` (fixed in tests). Default: now. */
  now?: Clock;
  /** Diagnostics kept per stage (all are counted). Default 1000. */
  maxDiagnostics?: number;
  /**
   * Worker threads that parse, normalize and aggregate chunks (1 to 64).
   * Default 1: everything on the calling thread. The result is identical
   * whatever the count; more than 1 needs the default `allowedLatenessSeconds`.
   */
  workers?: number;
  /**
   * Records per chunk read from the input and processed at once. Default
   * 1024. With `workers` > 1 and the input read on this thread, also the
   * least records per batch sent to a worker (default 4096).
   */
  chunkSize?: number;
  /** Called after every chunk. */
  onProgress?: (progress: PipelineProgress) => void;
  /** Called with the FeatureVectors of windows as they are emitted (in order). */
  onFeatures?: (features: readonly FeatureVector[]) => void;
}
