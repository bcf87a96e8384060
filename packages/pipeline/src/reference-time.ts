import { stat } from "node:fs/promises";
import { ConfigError, type EpochMillis, parseInstant, toEpochMillis } from "@logfeat/schema";
import type { ReferenceTimeSource } from "./ledger.js";

/** A resolved reference time and where it came from. */
export interface ResolvedReferenceTime {
  instant: EpochMillis;
  source: ReferenceTimeSource;
}

const EXPECTED = "an ISO 8601 instant with offset, a Date, or epoch milliseconds (1970..2100)";

/**
 * The instant year-less timestamps are read against (SPEC section 4): the
 * option when given (ConfigError `referenceTime` when it is not an instant),
 * else the modification time of the input file, else the time of the run.
 */
export async function resolveReferenceTime(
  option: number | Date | string | undefined,
  inputPath: string | null,
  runStart: number,
): Promise<ResolvedReferenceTime> {
  if (option !== undefined) {
    const instant =
      typeof option === "string"
        ? parseInstant(option)
        : toEpochMillis(option instanceof Date ? option.getTime() : Math.trunc(option));
    if (instant === null) throw new ConfigError("referenceTime", option, EXPECTED);
    return { instant, source: "option" };
  }
  if (inputPath !== null) {
    try {
      const instant = toEpochMillis(Math.trunc((await stat(inputPath)).mtimeMs));
      if (instant !== null) return { instant, source: "file-mtime" };
    } catch {
      // The input is opened (and its absence reported) by ingestion.
    }
  }
  return { instant: toEpochMillis(Math.trunc(runStart)) as EpochMillis, source: "run-time" };
}
