import {
  type ChunkPartial,
  createRecordProcessor,
  defaultServiceFor,
  processChunk,
} from "@logfeat/pipeline";
import type { BatchAccounting, Diagnostic, EpochMillis } from "@logfeat/schema";
import { emptyAccounting } from "@logfeat/schema";
import { BATCH_FIELDS, decodeBatch } from "./batch-codec.js";
import type { JobSpec } from "./job-spec.js";

/** Diagnostic code of a stream entry that is not a logfeat batch (its records count as skipped). */
export const MALFORMED_BATCH = "malformed_batch";

/** A stream entry's fields as Redis returns them: `[name, value, name, value, ...]`. */
export type EntryFields = readonly string[];

function field(fields: EntryFields, name: string): string | undefined {
  for (let index = 0; index + 1 < fields.length; index += 2)
    if (fields[index] === name) return fields[index + 1];
  return undefined;
}

/**
 * The partial of a stream entry that is not a batch: no windows, its records
 * (the entry's `count`, 0 when unreadable) skipped as `malformed_batch` with
 * one diagnostic naming the entry, so the ledger still adds up.
 */
function malformedBatch(
  entryId: string,
  stream: string,
  count: number,
  reason: string,
  maxDiagnostics: number,
): ChunkPartial {
  const diagnostic: Diagnostic = {
    stage: "ingestion",
    code: MALFORMED_BATCH,
    message: `stream entry ${entryId} is not a logfeat batch (${reason}); its ${count} records are counted as skipped`,
    source: `${stream} entry ${entryId}`,
    line: null,
  };
  const kept = maxDiagnostics > 0 ? [diagnostic] : [];
  const accounting: BatchAccounting =
    count > 0
      ? {
          skipped: count,
          skippedByCode: { [MALFORMED_BATCH]: count },
          notedByCode: {},
          diagnostics: kept,
          diagnosticsOmitted: 1 - kept.length,
        }
      : {
          skipped: 0,
          skippedByCode: {},
          notedByCode: { [MALFORMED_BATCH]: 1 },
          diagnostics: kept,
          diagnosticsOmitted: 1 - kept.length,
        };
  return {
    index: 0,
    records: count,
    parsed: 0,
    parseAccounting: accounting,
    normalizeAccounting: emptyAccounting(),
    windows: [],
  };
}

/** A processed stream entry: its batch number (null: not a batch of the job) and partial. */
export interface ProcessedEntry {
  batch: number | null;
  partial: ChunkPartial;
}

/**
 * Turns stream entries of a job into partials: parse, normalize and
 * aggregate (summaries only) with the job's options. Each batch gets a fresh
 * record processor, so a batch's partial depends on the batch alone: a batch
 * processed twice (after a claim) gives the same partial. Never throws on data.
 */
export function createBatchWorker(spec: JobSpec, stream: string) {
  const aggregate = {
    windowSizeSeconds: spec.windowSizeSeconds,
    timeZone: spec.timeZone ?? "UTC",
    retainLogs: false,
  };
  return {
    /**
     * The partial of one entry and where it belongs: under its batch number
     * (`seq`) in the partials, or, for an entry without a readable `seq`
     * (not a batch of this job), under its entry id in the rejects, as a
     * `malformed_batch` note that counts no records.
     */
    process(entryId: string, fields: EntryFields): ProcessedEntry {
      const seq = field(fields, BATCH_FIELDS.seq) ?? "";
      if (!/^\d{1,15}$/.test(seq))
        return {
          batch: null,
          partial: malformedBatch(entryId, stream, 0, "no batch number", spec.maxDiagnostics),
        };
      const countText = field(fields, BATCH_FIELDS.count) ?? "";
      const count = /^\d{1,9}$/.test(countText) ? Number(countText) : 0;
      const text = field(fields, BATCH_FIELDS.records);
      const records = text === undefined ? "no records field" : decodeBatch(text);
      if (typeof records === "string")
        return {
          batch: Number(seq),
          partial: malformedBatch(entryId, stream, count, records, spec.maxDiagnostics),
        };
      const source = records[0]?.source ?? "";
      const processor = createRecordProcessor({
        ...(spec.layout === undefined ? {} : { layout: spec.layout }),
        ...(spec.timeZone === undefined ? {} : { timeZone: spec.timeZone }),
        ...(spec.levelScheme === undefined ? {} : { levelScheme: spec.levelScheme }),
        ...(spec.messageHash === undefined ? {} : { messageHash: spec.messageHash }),
        referenceTime: spec.referenceTime as EpochMillis,
        defaultService: Object.hasOwn(spec.defaultServices, source)
          ? (spec.defaultServices[source] ?? null)
          : defaultServiceFor(source),
        maxDiagnostics: spec.maxDiagnostics,
      });
      return { batch: Number(seq), partial: processChunk(processor, records, 0, aggregate) };
    },
  };
}
