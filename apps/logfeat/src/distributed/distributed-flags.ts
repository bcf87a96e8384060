import { PIPELINE_FLAGS } from "../flags.js";
import { UsageError } from "../usage-error.js";

const CONNECTION_FLAGS = {
  redis: { type: "string" },
  job: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Flags of `logfeat submit`: the run options plus the job's. */
export const SUBMIT_FLAGS = {
  ...PIPELINE_FLAGS,
  ...CONNECTION_FLAGS,
  "expire-after": { type: "string" },
} as const;

/** Flags of `logfeat worker`. */
export const WORKER_FLAGS = {
  ...CONNECTION_FLAGS,
  name: { type: "string" },
  "claim-after": { type: "string" },
  timeout: { type: "string" },
  quiet: { type: "boolean" },
} as const;

/** Flags of `logfeat collect`: the output flags of `run`. */
export const COLLECT_FLAGS = {
  ...CONNECTION_FLAGS,
  output: { type: "string" },
  out: { type: "string" },
  now: { type: "string" },
  "json-summary": { type: "string" },
  diagnostics: { type: "string" },
  strict: { type: "boolean" },
  quiet: { type: "boolean" },
  timeout: { type: "string" },
} as const;

/** Run flags that only make sense where the output is written, with the command that takes them. */
const NOT_FOR_SUBMIT: Readonly<Record<string, string>> = {
  "json-summary": "logfeat collect",
  diagnostics: "logfeat collect",
  strict: "logfeat collect",
  workers: "logfeat worker (start as many as you like)",
};

type Values = Record<string, string | boolean | undefined>;

/** Rejects the run flags that belong to `collect` or `worker` rather than `submit`. */
export function rejectFlagsNotForSubmit(values: Values): void {
  for (const [flag, command] of Object.entries(NOT_FOR_SUBMIT))
    if (values[flag] !== undefined) throw new UsageError(`submit: --${flag} belongs to ${command}`);
}

/** The `--redis` URL; UsageError when missing. */
export function redisUrlFrom(values: Values): string {
  const url = values["redis"];
  if (typeof url !== "string")
    throw new UsageError("--redis: missing (a URL such as redis://localhost:6379)");
  return url;
}

/**
 * A flag in seconds (integer or decimal, > 0), or `fallback` when absent.
 * UsageError naming the flag otherwise.
 */
export function secondsFlag(values: Values, flag: string, fallback: number): number {
  const text = values[flag];
  if (typeof text !== "string") return fallback;
  const value = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !(value > 0))
    throw new UsageError(`--${flag}: expected a number of seconds > 0, received "${text}"`);
  return value;
}
