import {
  type EpochMillis,
  LOG_LEVELS,
  type LogEntry,
  type LogEntryMetadata,
  type LogLevel,
} from "@logfeat/schema";

/**
 * LogEntries in the form that crosses worker_threads cheaply: numbers in
 * typed arrays (their buffers are transferred), repeated strings (service,
 * source, template, hash, original level, error code) once in `table`,
 * messages and request ids concatenated in `text`. `decodeLogEntries` gives
 * back entries equal to the encoded ones, keys in the order the normalizers
 * write them. Only entries as the normalizers make them can be encoded
 * (`encodableEntry`): metadata holding the hash, template and original level
 * plus the `truncated`, `level_defaulted`, `service_defaulted` flags, in
 * that order.
 */
export interface EncodedLogEntries {
  readonly count: number;
  readonly timestamps: Float64Array;
  readonly durations: Float64Array;
  readonly lines: Float64Array;
  /** Bits: see the FLAG constants. */
  readonly flags: Uint8Array;
  readonly levels: Uint8Array;
  /** Per entry, six indexes into `table`: service, source, template, hash, original level, error code (-1: none). */
  readonly references: Int32Array;
  readonly table: readonly string[];
  readonly text: string;
  /** Per entry, where its message ends in `text` and where its request id ends (-1: none). */
  readonly textEnds: Int32Array;
}

const HAS_DURATION = 1;
const HAS_LEVEL_ORIGINAL = 2;
const TRUNCATED = 4;
const LEVEL_DEFAULTED = 8;
const SERVICE_DEFAULTED = 16;
const REFERENCES = 6;

const LEVEL_INDEX: ReadonlyMap<string, number> = new Map(
  LOG_LEVELS.map((level, index) => [level, index]),
);

/**
 * True when `entry` has the shape the normalizers give (and so survives
 * `encodeLogEntries`): string hash and template, an optional string original
 * level, the `truncated`, `level_defaulted`, `service_defaulted` flags only
 * as `true` when present, no `extra`, and fields of the schema's types.
 * Metadata keys the normalizers never write are not looked for.
 */
export function encodableEntry(entry: LogEntry): boolean {
  const metadata = entry.metadata;
  return (
    typeof metadata.message_hash === "string" &&
    typeof metadata.message_template === "string" &&
    (metadata.level_original === undefined || typeof metadata.level_original === "string") &&
    (metadata.truncated === undefined || metadata.truncated === true) &&
    (metadata.level_defaulted === undefined || metadata.level_defaulted === true) &&
    (metadata.service_defaulted === undefined || metadata.service_defaulted === true) &&
    metadata["extra"] === undefined &&
    LEVEL_INDEX.has(entry.level) &&
    typeof entry.service === "string" &&
    typeof entry.message === "string" &&
    typeof entry.source === "string" &&
    typeof entry.timestamp === "number" &&
    typeof entry.line === "number" &&
    (entry.duration_ms === null || typeof entry.duration_ms === "number") &&
    (entry.error_code === null || typeof entry.error_code === "string") &&
    (entry.request_id === null || typeof entry.request_id === "string")
  );
}

/** Indexes of strings in a table being built; the last value of each column is remembered (entries of a window share service and source). */
class StringTable {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();
  private readonly lastValues: (string | null)[] = [];
  private readonly lastIndexes: number[] = [];

  /** The index of `value`, added when new; `column` names the field (for the one-value memo). */
  indexOf(value: string, column: number): number {
    if (this.lastValues[column] === value) return this.lastIndexes[column] as number;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    this.lastValues[column] = value;
    this.lastIndexes[column] = index;
    return index;
  }
}

/**
 * Encodes entries, or returns null when one of them does not pass
 * `encodableEntry` (checked on the way, in the same pass).
 */
export function encodeLogEntries(entries: readonly LogEntry[]): EncodedLogEntries | null {
  const count = entries.length;
  const timestamps = new Float64Array(count);
  const durations = new Float64Array(count);
  const lines = new Float64Array(count);
  const flags = new Uint8Array(count);
  const levels = new Uint8Array(count);
  const references = new Int32Array(count * REFERENCES);
  const textEnds = new Int32Array(count * 2);
  const table = new StringTable();
  const texts: string[] = [];
  let textLength = 0;
  for (let index = 0; index < count; index += 1) {
    const entry = entries[index] as LogEntry;
    if (!encodableEntry(entry)) return null;
    const metadata = entry.metadata;
    timestamps[index] = entry.timestamp;
    lines[index] = entry.line;
    levels[index] = LEVEL_INDEX.get(entry.level) as number;
    let bits = 0;
    if (entry.duration_ms !== null) {
      bits |= HAS_DURATION;
      durations[index] = entry.duration_ms;
    }
    const base = index * REFERENCES;
    references[base] = table.indexOf(entry.service, 0);
    references[base + 1] = table.indexOf(entry.source, 1);
    references[base + 2] = table.indexOf(metadata.message_template as string, 2);
    references[base + 3] = table.indexOf(metadata.message_hash, 3);
    if (metadata.level_original !== undefined) {
      bits |= HAS_LEVEL_ORIGINAL;
      references[base + 4] = table.indexOf(metadata.level_original, 4);
    }
    references[base + 5] = entry.error_code === null ? -1 : table.indexOf(entry.error_code, 5);
    if (metadata.truncated === true) bits |= TRUNCATED;
    if (metadata.level_defaulted === true) bits |= LEVEL_DEFAULTED;
    if (metadata.service_defaulted === true) bits |= SERVICE_DEFAULTED;
    flags[index] = bits;
    texts.push(entry.message);
    textLength += entry.message.length;
    textEnds[index * 2] = textLength;
    if (entry.request_id === null) textEnds[index * 2 + 1] = -1;
    else {
      texts.push(entry.request_id);
      textLength += entry.request_id.length;
      textEnds[index * 2 + 1] = textLength;
    }
  }
  return {
    count,
    timestamps,
    durations,
    lines,
    flags,
    levels,
    references,
    table: table.values,
    text: texts.join(""),
    textEnds,
  };
}

/** The buffers of an encoding's typed arrays, for `postMessage`'s transfer list. */
export function entryTransferables(encoded: EncodedLogEntries): ArrayBuffer[] {
  return [
    encoded.timestamps.buffer,
    encoded.durations.buffer,
    encoded.lines.buffer,
    encoded.flags.buffer,
    encoded.levels.buffer,
    encoded.references.buffer,
    encoded.textEnds.buffer,
  ] as ArrayBuffer[];
}

/** Entries `[from, to)` of an encoding, as LogEntry objects. */
export function decodeLogEntries(encoded: EncodedLogEntries, from: number, to: number): LogEntry[] {
  const { timestamps, durations, lines, flags, levels, references, table, text, textEnds } =
    encoded;
  const entries: LogEntry[] = new Array(to - from);
  let textStart =
    from === 0 ? 0 : Math.max(textEnds[from * 2 - 2] as number, textEnds[from * 2 - 1] as number);
  for (let index = from; index < to; index += 1) {
    const bits = flags[index] as number;
    const base = index * REFERENCES;
    const hash = table[references[base + 3] as number] as string;
    const template = table[references[base + 2] as number] as string;
    const metadata: LogEntryMetadata =
      (bits & HAS_LEVEL_ORIGINAL) === 0
        ? { message_hash: hash, message_template: template }
        : {
            message_hash: hash,
            message_template: template,
            level_original: table[references[base + 4] as number] as string,
          };
    if ((bits & TRUNCATED) !== 0) metadata.truncated = true;
    if ((bits & LEVEL_DEFAULTED) !== 0) metadata.level_defaulted = true;
    if ((bits & SERVICE_DEFAULTED) !== 0) metadata.service_defaulted = true;
    const messageEnd = textEnds[index * 2] as number;
    const requestEnd = textEnds[index * 2 + 1] as number;
    const errorReference = references[base + 5] as number;
    entries[index - from] = {
      timestamp: timestamps[index] as EpochMillis,
      level: LOG_LEVELS[levels[index] as number] as LogLevel,
      service: table[references[base] as number] as string,
      message: text.slice(textStart, messageEnd),
      duration_ms: (bits & HAS_DURATION) === 0 ? null : (durations[index] as number),
      error_code: errorReference === -1 ? null : (table[errorReference] as string),
      request_id: requestEnd === -1 ? null : text.slice(messageEnd, requestEnd),
      source: table[references[base + 1] as number] as string,
      line: lines[index] as number,
      metadata,
    };
    textStart = requestEnd === -1 ? messageEnd : requestEnd;
  }
  return entries;
}
