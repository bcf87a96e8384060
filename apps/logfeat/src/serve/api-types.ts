/**
 * The JSON shapes of the `logfeat serve` HTTP API, shared by the server
 * (src/serve) and the page (web/src). Record shapes come from @logfeat/schema
 * and @logfeat/pipeline; only their wire forms (ISO instants) are derived here.
 */
import type { LedgerDetails } from "@logfeat/pipeline";
import type {
  Baseline,
  FeatureName,
  FeatureStatisticsByName,
  FeatureVectorJson,
  Ledger,
  LogEntry,
} from "@logfeat/schema";

/** Every error answer: status 4xx/5xx with this body. */
export interface ApiError {
  error: string;
}

/** The input formats a run accepts (as `--format`). */
export const INPUT_FORMATS = ["auto", "text", "json", "csv"] as const;

/** The run options the page can change (the rest come from the command line). */
export interface RunOptionsJson {
  format: (typeof INPUT_FORMATS)[number];
  /** `auto`, a named layout or a template. */
  layout: string;
  /** Window length in seconds. */
  windowSize: number;
  /** IANA zone of naive timestamps and day windows. */
  timeZone: string;
}

/** A LogEntry on the wire: `timestamp` as an ISO 8601 UTC string. */
export type LogEntryJson = Omit<LogEntry, "timestamp"> & { timestamp: string };

/** One finished run: what the page charts. */
export interface RunSummaryJson {
  /** Sequence number of the run since the server started (1, 2, ...). */
  id: number;
  /** What the user gave: the file's base name (upload name or command-line file). */
  source: { name: string; bytes: number };
  options: RunOptionsJson;
  ledger: Ledger;
  details: LedgerDetails;
  /** FeatureVectors ordered by window_start, then service. */
  features: FeatureVectorJson[];
  /** `computeBaseline(features, { perService: true })`. */
  baseline: Baseline;
  /**
   * Per service, the statistics each feature is compared against
   * (`baselineFor(baseline, feature, service)`: the service's own, else the
   * global ones); a window is above baseline when its value is greater than
   * `multiplier * mean`.
   */
  reference: Record<string, FeatureStatisticsByName>;
  /** Services in ascending order. */
  services: string[];
}

/** Progress of the run in progress. */
export interface RunProgressJson {
  source: string;
  bytes_read: number;
  total_bytes: number | null;
  records: number;
}

/** `GET /api/status`: whether a run is in progress, and the last run's error. */
export interface StatusJson {
  running: RunProgressJson | null;
  /** The message of the last failed run (bad options, unreadable input), or null. */
  last_error: string | null;
  /** Id of the current run, or null before the first one. */
  run_id: number | null;
}

/** A named text layout, for the layout picker. */
export interface LayoutJson {
  name: string;
  description: string;
}

/** `GET /api/run`: the current run (null before the first), plus what the page needs to offer. */
export interface RunResponseJson {
  run: RunSummaryJson | null;
  status: StatusJson;
  /** Options the next upload or re-run uses by default. */
  options: RunOptionsJson;
  limits: { max_upload_bytes: number; max_window_logs: number };
  layouts: LayoutJson[];
  /** The 11 feature names, in the order of the CSV output. */
  feature_names: FeatureName[];
}

/** `GET /api/window`: one window's FeatureVector and (a page of) its logs in order. */
export interface WindowResponseJson {
  feature: FeatureVectorJson;
  window_end: string;
  /** Logs `offset .. offset + logs.length` of the window, in timestamp order. */
  logs: LogEntryJson[];
  offset: number;
  /** How many logs the window holds. */
  total_logs: number;
}
