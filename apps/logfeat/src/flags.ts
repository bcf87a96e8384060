import { parseArgs } from "node:util";
import type { PipelineOptions } from "@logfeat/pipeline";
import { LEVEL_SCHEMES, type LevelScheme } from "@logfeat/schema";
import { UsageError } from "./usage-error.js";

/** Output formats of `run`, `compare`. */
export const OUTPUT_FORMATS = ["jsonl", "csv", "table"] as const;
/** One output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The flags shared by every command that runs the pipeline, as parseArgs options. */
export const PIPELINE_FLAGS = {
  format: { type: "string" },
  delimiter: { type: "string" },
  layout: { type: "string" },
  "window-size": { type: "string" },
  "time-zone": { type: "string" },
  "reference-time": { type: "string" },
  "level-scheme": { type: "string" },
  "message-hash": { type: "string" },
  "default-service": { type: "string" },
  "no-default-service": { type: "boolean" },
  "fill-gaps": { type: "boolean" },
  "retain-logs": { type: "boolean" },
  "no-retain-logs": { type: "boolean" },
  "allowed-lateness": { type: "string" },
  now: { type: "string" },
  workers: { type: "string" },
  "chunk-size": { type: "string" },
  "max-diagnostics": { type: "string" },
  "json-summary": { type: "string" },
  diagnostics: { type: "string" },
  strict: { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Pipeline option name -> the flag that sets it (to name flags in error messages). */
export const FLAG_FOR_OPTION: Readonly<Record<string, string>> = {
  format: "--format",
  delimiter: "--delimiter",
  layout: "--layout",
  windowSizeSeconds: "--window-size",
  timeZone: "--time-zone",
  referenceTime: "--reference-time",
  levelScheme: "--level-scheme",
  messageHash: "--message-hash",
  "defaults.service": "--default-service",
  allowedLatenessSeconds: "--allowed-lateness",
  now: "--now",
  workers: "--workers",
  maxDiagnostics: "--max-diagnostics",
};

type Values = Record<string, string | boolean | undefined>;

/** Parses argv for a command; unknown flags and missing values are UsageErrors. */
export function parseCommandLine<
  Options extends Record<
    string,
    { type: "string" | "boolean"; short?: string; multiple?: boolean }
  >,
>(args: readonly string[], options: Options): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      message
        .replace(/\. To specify a positional argument.*$/s, "")
        .replace(/^Unknown option/, "unknown flag"),
    );
  }
}

function integerFlag(values: Values, flag: string, min: number): number | undefined {
  const text = values[flag];
  if (typeof text !== "string") return undefined;
  if (!/^-?\d+$/.test(text.trim()) || Number(text) < min)
    throw new UsageError(`--${flag}: expected an integer >= ${min}, received "${text}"`);
  return Number(text);
}

function numberFlag(values: Values, flag: string): number | undefined {
  const text = values[flag];
  if (typeof text !== "string") return undefined;
  if (text.trim().toLowerCase() === "infinity") return Number.POSITIVE_INFINITY;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0)
    throw new UsageError(
      `--${flag}: expected a number of seconds >= 0 or "infinity", received "${text}"`,
    );
  return value;
}

function choiceFlag<Choice extends string>(
  values: Values,
  flag: string,
  choices: readonly Choice[],
): Choice | undefined {
  const text = values[flag];
  if (typeof text !== "string") return undefined;
  if (!(choices as readonly string[]).includes(text))
    throw new UsageError(`--${flag}: expected one of ${choices.join(", ")}, received "${text}"`);
  return text as Choice;
}

/** The run options and CLI behaviour decoded from the pipeline flags. */
export interface PipelineFlags {
  pipeline: PipelineOptions;
  jsonSummary: string | undefined;
  diagnostics: string | undefined;
  strict: boolean;
  quiet: boolean;
}

/**
 * Decodes the pipeline flags. Values are checked here as far as the CLI can
 * (integers, choices); the stages validate the rest (time zones, instants) and
 * their ConfigErrors are reported under the flag's name.
 */
export function pipelineOptionsFrom(values: Values): PipelineFlags {
  if (values["retain-logs"] === true && values["no-retain-logs"] === true)
    throw new UsageError("--retain-logs and --no-retain-logs contradict each other");
  if (typeof values["default-service"] === "string" && values["no-default-service"] === true)
    throw new UsageError("--default-service and --no-default-service contradict each other");
  const pipeline: PipelineOptions = {};
  const format = choiceFlag(values, "format", ["auto", "text", "json", "csv"] as const);
  if (format !== undefined) pipeline.format = format;
  if (typeof values["delimiter"] === "string")
    pipeline.delimiter = values["delimiter"] === "\\t" ? "\t" : values["delimiter"];
  if (typeof values["layout"] === "string") pipeline.layout = values["layout"];
  const windowSize = values["window-size"];
  if (typeof windowSize === "string")
    pipeline.windowSizeSeconds = /^\s*-?\d+(\.\d+)?\s*$/.test(windowSize)
      ? Number(windowSize)
      : Number.NaN;
  if (typeof values["time-zone"] === "string") pipeline.timeZone = values["time-zone"];
  if (typeof values["reference-time"] === "string")
    pipeline.referenceTime = values["reference-time"];
  const levelScheme = choiceFlag<LevelScheme>(values, "level-scheme", LEVEL_SCHEMES);
  if (levelScheme !== undefined) pipeline.levelScheme = levelScheme;
  const messageHash = choiceFlag(values, "message-hash", ["template", "exact"] as const);
  if (messageHash !== undefined) pipeline.messageHash = messageHash;
  if (typeof values["default-service"] === "string")
    pipeline.defaultService = values["default-service"];
  if (values["no-default-service"] === true) pipeline.defaultService = null;
  if (values["fill-gaps"] === true) pipeline.fillGaps = true;
  pipeline.retainLogs = values["retain-logs"] === true;
  const lateness = numberFlag(values, "allowed-lateness");
  if (lateness !== undefined) pipeline.allowedLatenessSeconds = lateness;
  if (typeof values["now"] === "string") {
    const now = Date.parse(values["now"]);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values["now"]) || Number.isNaN(now))
      throw new UsageError(
        `--now: expected an ISO 8601 instant such as 2025-02-07T12:00:00Z, received "${values["now"]}"`,
      );
    pipeline.now = now;
  }
  const workers = integerFlag(values, "workers", 1);
  if (workers !== undefined) pipeline.workers = workers;
  const chunkSize = integerFlag(values, "chunk-size", 1);
  if (chunkSize !== undefined) pipeline.chunkSize = chunkSize;
  const maxDiagnostics = integerFlag(values, "max-diagnostics", 0);
  if (maxDiagnostics !== undefined) pipeline.maxDiagnostics = maxDiagnostics;
  return {
    pipeline,
    jsonSummary: typeof values["json-summary"] === "string" ? values["json-summary"] : undefined,
    diagnostics: typeof values["diagnostics"] === "string" ? values["diagnostics"] : undefined,
    strict: values["strict"] === true,
    quiet: values["quiet"] === true,
  };
}

/** Decodes `--output`; default jsonl. */
export function outputFormatFrom(values: Values): OutputFormat {
  return choiceFlag(values, "output", OUTPUT_FORMATS) ?? "jsonl";
}
