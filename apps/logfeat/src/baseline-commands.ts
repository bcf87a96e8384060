import { readFile, writeFile } from "node:fs/promises";
import { baselineFor, computeBaseline, parseBaseline, serializeBaseline } from "@logfeat/features";
import {
  FEATURE_NAMES,
  type FeatureName,
  type FeatureVector,
  formatInstant,
  LogfeatError,
} from "@logfeat/schema";
import { pipelineOptionsFrom } from "./flags.js";
import { type CommandIo, exitCodeFor, inputArgument, runWithLedger } from "./run-command.js";
import { UsageError } from "./usage-error.js";

type Values = Record<string, string | boolean | string[] | undefined>;

function featureNames(values: Values): FeatureName[] {
  const raw = values["feature"];
  const names = raw === undefined ? ["error_rate"] : Array.isArray(raw) ? raw : [String(raw)];
  for (const name of names)
    if (!(FEATURE_NAMES as readonly string[]).includes(name))
      throw new UsageError(
        `--feature: expected one of ${FEATURE_NAMES.join(", ")}, received "${name}"`,
      );
  return names as FeatureName[];
}

/**
 * `logfeat baseline <file> --out baseline.json [--per-service]`: the seed's
 * Pattern 1 — statistics of every feature over the file's windows, written as
 * a baseline file (BaselineSchema).
 */
export async function baselineCommand(
  values: Values,
  positionals: readonly string[],
  io: CommandIo,
): Promise<number> {
  const input = inputArgument(positionals, "baseline");
  const out = values["out"];
  if (typeof out !== "string")
    throw new UsageError("baseline: --out <file> is required (where to write the baseline JSON)");
  const flags = pipelineOptionsFrom(values as Record<string, string | boolean | undefined>);
  const result = await runWithLedger(input, flags, io);
  const baseline = computeBaseline(result.features, {
    perService: values["per-service"] === true,
    ...(flags.pipeline.now === undefined ? {} : { now: flags.pipeline.now }),
  });
  await writeFile(out, serializeBaseline(baseline));
  if (!flags.quiet)
    io.stderr.write(
      `baseline: ${baseline.window_count} windows${values["per-service"] === true ? `, ${Object.keys(baseline.services ?? {}).length} services` : ""} -> ${out}\n`,
    );
  return exitCodeFor(result, flags);
}

/** One window above its baseline, as `compare` reports it. */
interface Flagged {
  vector: FeatureVector;
  feature: FeatureName;
  value: number;
  threshold: number;
  baselineMean: number;
}

/**
 * `logfeat compare <file> --baseline baseline.json [--feature error_rate ...]
 * [--multiplier 2]`: the seed's Pattern 2 — the windows whose feature value is
 * above `multiplier * mean` of the baseline (the service's own statistics when
 * the baseline is per service, else the global ones). Prints one line per
 * flagged window (table) or one JSON object per line (`--output jsonl`).
 */
export async function compareCommand(
  values: Values,
  positionals: readonly string[],
  io: CommandIo,
): Promise<number> {
  const input = inputArgument(positionals, "compare");
  const baselinePath = values["baseline"];
  if (typeof baselinePath !== "string")
    throw new UsageError("compare: --baseline <file> is required");
  const multiplierText = values["multiplier"];
  const multiplier = typeof multiplierText === "string" ? Number(multiplierText) : 2;
  if (!Number.isFinite(multiplier) || multiplier < 0)
    throw new UsageError(
      `--multiplier: expected a number >= 0, received "${String(multiplierText)}"`,
    );
  const names = featureNames(values);
  let baselineText: string;
  try {
    baselineText = await readFile(baselinePath, "utf8");
  } catch (error) {
    throw new UsageError(`--baseline: cannot read ${baselinePath}: ${(error as Error).message}`);
  }
  let baseline: ReturnType<typeof parseBaseline>;
  try {
    baseline = parseBaseline(baselineText);
  } catch (error) {
    if (LogfeatError.isInstance(error))
      throw new UsageError(`--baseline ${baselinePath}: ${error.message}`);
    throw error;
  }
  const flags = pipelineOptionsFrom(values as Record<string, string | boolean | undefined>);
  const result = await runWithLedger(input, flags, io);
  const flagged: Flagged[] = [];
  for (const vector of result.features)
    for (const feature of names) {
      const statistics = baselineFor(baseline, feature, vector.service);
      const value = vector[feature];
      if (statistics === null || statistics === undefined || value === null) continue;
      const threshold = statistics.mean * multiplier;
      if (value > threshold)
        flagged.push({ vector, feature, value, threshold, baselineMean: statistics.mean });
    }
  const asJson = values["output"] === "jsonl";
  const lines = flagged.map((item) =>
    asJson
      ? JSON.stringify({
          window_start: formatInstant(item.vector.window_start),
          service: item.vector.service,
          feature: item.feature,
          value: item.value,
          baseline_mean: item.baselineMean,
          multiplier,
          threshold: item.threshold,
        })
      : `${formatInstant(item.vector.window_start)}  ${item.vector.service}  ${item.feature}=${item.value} > ${multiplier} x ${item.baselineMean} (${item.threshold})`,
  );
  if (!asJson)
    lines.push(`${flagged.length} window(s) above baseline out of ${result.features.length}`);
  io.stdout.write(lines.length === 0 ? "" : `${lines.join("\n")}\n`);
  return exitCodeFor(result, flags);
}
