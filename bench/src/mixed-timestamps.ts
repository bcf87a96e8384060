import { ingestLogs } from "@logfeat/ingestion";
import { createNormalizer } from "@logfeat/normalizers";
import { createParser } from "@logfeat/parsers";
import { detachString, type ParsedLog } from "@logfeat/schema";
import { SeededRandom } from "./random.js";

/** The zone the naive timestamps of the mixed corpus are written in and read in. */
export const MIXED_TIME_ZONE = "Europe/Berlin";
/** Seed of the draw that gives each record its timestamp form. */
const MIXED_SEED = 5;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Offsets (minutes east of UTC) of the `+hh:mm` form, each written as the same instant. */
const OFFSETS_MINUTES = [60, -300, 330] as const;

/** `+hh:mm` / `-hh:mm` of an offset in minutes. */
function offsetText(minutes: number): string {
  const size = Math.abs(minutes);
  const hours = String(Math.floor(size / 60)).padStart(2, "0");
  const rest = String(size % 60).padStart(2, "0");
  return `${minutes < 0 ? "-" : "+"}${hours}:${rest}`;
}

/**
 * UTC offset of `MIXED_TIME_ZONE` at an instant, in milliseconds, computed with
 * `Intl` once per UTC hour (the bench does not depend on Temporal).
 */
class ZoneOffsetTable {
  private readonly format = new Intl.DateTimeFormat("en-US", {
    timeZone: MIXED_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  private readonly byHour = new Map<number, number>();

  offsetAt(instant: number): number {
    const hour = Math.floor(instant / HOUR_MS);
    const cached = this.byHour.get(hour);
    if (cached !== undefined) return cached;
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(hour * HOUR_MS)))
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    const local = Date.UTC(
      parts["year"] ?? 0,
      (parts["month"] ?? 1) - 1,
      parts["day"] ?? 1,
      parts["hour"] ?? 0,
      parts["minute"] ?? 0,
    );
    const offset = local - hour * HOUR_MS;
    this.byHour.set(hour, offset);
    return offset;
  }
}

/**
 * The same instant in one of the mixed forms, drawn from `random`:
 * 10% naive local time in `MIXED_TIME_ZONE` (half `2025-02-07 11:15:30`,
 * half `2025-02-07 11:15:30,123`), 40% `2025-02-07T10:15:30.123Z`, 15%
 * `2025-02-07T10:15:30.123456Z`, 15% `2025-02-07T11:15:30+01:00` (offsets
 * +01:00, -05:00, +05:30; no fraction), 10% `2025-02-07 10:15:30.123Z`, 10%
 * epoch milliseconds as a number. Texts are flat strings, as a parser's are.
 */
function mixedTimestamp(instant: number, random: SeededRandom, zone: ZoneOffsetTable) {
  const draw = random.next();
  if (draw < 0.1) {
    const local = new Date(instant + zone.offsetAt(instant)).toISOString();
    const naive = `${local.slice(0, 10)} ${local.slice(11, 19)}`;
    return detachString(draw < 0.05 ? naive : `${naive},${local.slice(20, 23)}`);
  }
  if (draw < 0.9) {
    const iso = new Date(instant).toISOString();
    if (draw < 0.5) return detachString(iso);
    if (draw < 0.65)
      return detachString(`${iso.slice(0, 23)}${String(random.integer(1000)).padStart(3, "0")}Z`);
    if (draw < 0.8) {
      const minutes = OFFSETS_MINUTES[random.integer(OFFSETS_MINUTES.length)] as number;
      const local = new Date(instant + minutes * MINUTE_MS).toISOString();
      return detachString(`${local.slice(0, 19)}${offsetText(minutes)}`);
    }
    return detachString(`${iso.slice(0, 10)} ${iso.slice(11)}`);
  }
  return instant;
}

/** The mixed-timestamp corpus: parsed records in the chunks the parser produced them. */
export interface MixedCorpus {
  chunks: ParsedLog[][];
  records: number;
}

/**
 * The parsed records of `path` (ingested and parsed as the pipeline does),
 * each record's timestamp rewritten in place to one of the mixed forms of
 * `mixedTimestamp` (same instant; seeded, so the same file gives the same
 * corpus on every run). Records whose timestamp is not an ISO instant are
 * kept as they are.
 */
export async function buildMixedCorpus(path: string): Promise<MixedCorpus> {
  const parser = createParser();
  const random = new SeededRandom(MIXED_SEED);
  const zone = new ZoneOffsetTable();
  const chunks: ParsedLog[][] = [];
  let records = 0;
  for await (const chunk of ingestLogs(path).chunks()) {
    const parsed = parser.parseBatch(chunk).parsed;
    for (const record of parsed) {
      const instant = typeof record.timestamp === "string" ? Date.parse(record.timestamp) : NaN;
      if (!Number.isNaN(instant)) record.timestamp = mixedTimestamp(instant, random, zone);
    }
    chunks.push(parsed);
    records += parsed.length;
  }
  return { chunks, records };
}

const collectGarbage: () => void =
  typeof globalThis.gc === "function" ? globalThis.gc : () => undefined;

/**
 * Times `createNormalizer({ timeZone: MIXED_TIME_ZONE, referenceTime: now
 * }).normalizeBatch` over every chunk of `corpus` (prepared beforehand, so
 * only the normalizer runs; each chunk's entries dropped once counted).
 * Returns the records that went in, the seconds, and the entries that came out.
 */
export function timeMixedNormalization(
  corpus: MixedCorpus,
  now: number,
): { records: number; seconds: number; entries: number } {
  const normalizer = createNormalizer({ timeZone: MIXED_TIME_ZONE, referenceTime: now });
  let entries = 0;
  let milliseconds = 0;
  collectGarbage();
  for (const chunk of corpus.chunks) {
    const started = performance.now();
    entries += normalizer.normalizeBatch(chunk).entries.length;
    milliseconds += performance.now() - started;
  }
  return { records: corpus.records, seconds: milliseconds / 1000, entries };
}
