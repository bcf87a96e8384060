import type { ParsedLog, TextRawRecord } from "@logfeat/schema";
import { extractDurationSuffix } from "./duration-suffix.js";
import { resolveTextAliasTable } from "./field-aliases.js";
import { type FieldMapOptions, validateFieldMap, validateListener } from "./options.js";
import { TextLineParser } from "./text-layout.js";
import { TrailingPairs } from "./trailing-pairs.js";

/** ISO 8601 date-time: `T` or space, optional seconds, `.`/`,` fraction, `Z`/offset. */
export const ISO_TIMESTAMP_SOURCE =
  "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?";

/**
 * One anchored regex for the three standard forms:
 * 1 timestamp; `LEVEL [service] message` -> 2 level, 3 service;
 * `LEVEL service - message` -> 2 level, 4 service;
 * `[LEVEL] service: message` -> 5 level, 6 service; 7 message.
 */
const STANDARD = new RegExp(
  `^(${ISO_TIMESTAMP_SOURCE})\\s+(?:([A-Za-z]+)\\s+(?:\\[([^\\]\\n]*)\\]|([^\\s\\[\\]]+)\\s+-(?=\\s|$))|\\[\\s*([A-Za-z]+)\\s*\\]\\s+([^\\s\\[\\]]+?):(?=\\s|$))\\s*(.*)$`,
  "s",
);

/**
 * The standard layout (SPEC section 3, item 1):
 * `<timestamp> <LEVEL> [<service>] <message>`,
 * `<timestamp> [<LEVEL>] <service>: <message>` and
 * `<timestamp> <LEVEL> <service> - <message>`, with an ISO 8601 timestamp
 * (kept as found). Trailing `key=value` pairs are record fields: they are
 * taken out of the message (unless it would be left empty); duration,
 * error_code and request_id aliases set those fields, other keys go to
 * `extra`. A `(523ms)` / `took 1.5s` suffix sets the duration and stays in
 * the message. The level is any word of letters (the normalizers judge it).
 */
export class StandardTextLineParser extends TextLineParser {
  readonly name = "standard";
  private readonly pairs: TrailingPairs;

  /** `fieldMap` changes which trailing keys are durations, error codes and request ids. */
  constructor(options: FieldMapOptions = {}) {
    super(validateListener(options.onDiagnostic));
    this.pairs = new TrailingPairs(resolveTextAliasTable(validateFieldMap(options.fieldMap)));
  }

  parseText(text: string, raw: TextRawRecord): ParsedLog | null {
    const match = STANDARD.exec(text);
    if (match === null) return null;
    const message = match[7] as string;
    const pairStart = this.pairs.scan(message, 0, message.length);
    const kept = pairStart === 0 ? message : message.slice(0, pairStart).trimEnd();
    const service = match[3] ?? match[4] ?? match[6];
    // One object literal per shape keeps allocation and hidden-class changes down.
    const parsed: ParsedLog =
      service === undefined || service === ""
        ? {
            source: raw.source,
            line: raw.line,
            format: raw.format,
            timestamp: match[1] as string,
            level: (match[2] ?? match[5]) as string,
            message: kept,
            extra: {},
          }
        : {
            source: raw.source,
            line: raw.line,
            format: raw.format,
            timestamp: match[1] as string,
            level: (match[2] ?? match[5]) as string,
            service,
            message: kept,
            extra: {},
          };
    this.pairs.apply(parsed);
    extractDurationSuffix(kept, parsed);
    return parsed;
  }
}
