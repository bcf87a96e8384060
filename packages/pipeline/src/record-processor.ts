import { createNormalizer } from "@logfeat/normalizers";
import { createParser } from "@logfeat/parsers";
import type {
  BatchAccounting,
  EpochMillis,
  LevelScheme,
  LogEntry,
  RawRecord,
} from "@logfeat/schema";
import { AccountingTotal } from "./accounting-total.js";

/** Options of a record processor: the parsing and normalization options of a run. */
export interface RecordProcessorOptions {
  layout?: string;
  timeZone?: string;
  referenceTime: EpochMillis;
  levelScheme?: LevelScheme;
  messageHash?: "template" | "exact";
  defaultService: string | null;
  maxDiagnostics: number;
}

/** What one chunk gave: its entries (input order), how many records parsed, and the chunk's accounting. */
export interface ChunkOutcome {
  entries: LogEntry[];
  parsed: number;
  parseAccounting: BatchAccounting;
  normalizeAccounting: BatchAccounting;
}

/** Parse + normalize, chunk by chunk, with the accounting of both stages. */
export interface RecordProcessor {
  /** Parses and normalizes a chunk of raw records; the totals below include it. */
  process(records: readonly RawRecord[]): ChunkOutcome;
  /** Records that parsed so far. */
  readonly parsed: number;
  /** Accounting of the parsing stage so far. */
  parseAccounting(): BatchAccounting;
  /** Accounting of the normalization stage so far. */
  normalizeAccounting(): BatchAccounting;
}

/**
 * The synchronous heart of a run: one parser (which remembers the layout per
 * source) and one normalizer (options validated once), applied chunk by chunk.
 * Worker threads and distributed workers use the same processor.
 */
export function createRecordProcessor(options: RecordProcessorOptions): RecordProcessor {
  const parser = createParser({
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    maxDiagnostics: options.maxDiagnostics,
  });
  const normalizer = createNormalizer({
    referenceTime: options.referenceTime,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.levelScheme === undefined ? {} : { levelScheme: options.levelScheme }),
    ...(options.messageHash === undefined ? {} : { messageHash: options.messageHash }),
    ...(options.defaultService === null ? {} : { defaults: { service: options.defaultService } }),
    maxDiagnostics: options.maxDiagnostics,
  });
  let parsedCount = 0;
  const parseTotals = new AccountingTotal(options.maxDiagnostics);
  const normalizeTotals = new AccountingTotal(options.maxDiagnostics);
  return {
    process(records) {
      const { parsed: parsedLogs, ...parseAccounting } = parser.parseBatch(records);
      parsedCount += parsedLogs.length;
      parseTotals.add(parseAccounting);
      const { entries, ...normalizeAccounting } = normalizer.normalizeBatch(parsedLogs);
      normalizeTotals.add(normalizeAccounting);
      return { entries, parsed: parsedLogs.length, parseAccounting, normalizeAccounting };
    },
    get parsed() {
      return parsedCount;
    },
    parseAccounting: () => parseTotals.toAccounting(),
    normalizeAccounting: () => normalizeTotals.toAccounting(),
  };
}
