import { isRegexWhitespace, type ParsedLog, type TextRawRecord } from "@logfeat/schema";
import { extractDurationSuffix } from "./duration-suffix.js";
import { resolveTextAliasTable } from "./field-aliases.js";
import { type FieldMapOptions, validateFieldMap, validateListener } from "./options.js";
import { TextLineParser } from "./text-layout.js";
import { TrailingPairs } from "./trailing-pairs.js";

/** ISO 8601 date-time: `T` or space, optional seconds, `.`/`,` fraction, `Z`/offset. */
export const ISO_TIMESTAMP_SOURCE =
  "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?";

/**
 * The head of a standard line, anchored, up to the message: 1 timestamp;
 * `LEVEL [service]` -> 2 level, 3 service; `LEVEL service -` -> 2 level,
 * 4 service; `[LEVEL] service:` -> 5 level, 6 service; then the whitespace
 * before the message, which is the rest of the line (it is not captured:
 * the message is cut once, without its trailing pairs).
 */
const STANDARD_HEAD = new RegExp(
  `^(${ISO_TIMESTAMP_SOURCE})\\s+(?:([A-Za-z]+)\\s+(?:\\[([^\\]\\n]*)\\]|([^\\s\\[\\]]+)\\s+-(?=\\s|$))|\\[\\s*([A-Za-z]+)\\s*\\]\\s+([^\\s\\[\\]]+?):(?=\\s|$))\\s*`,
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
    const match = STANDARD_HEAD.exec(text);
    if (match === null) return null;
    const messageStart = match[0].length;
    const pairStart = this.pairs.scan(text, messageStart, text.length);
    // The message loses its pairs and the whitespace before them, unless it would be left empty.
    let messageEnd = text.length;
    if (pairStart !== messageStart) {
      messageEnd = pairStart;
      while (messageEnd > messageStart && isRegexWhitespace(text.charCodeAt(messageEnd - 1)))
        messageEnd -= 1;
    }
    const message = text.slice(messageStart, messageEnd);
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
            message,
            extra: {},
          }
        : {
            source: raw.source,
            line: raw.line,
            format: raw.format,
            timestamp: match[1] as string,
            level: (match[2] ?? match[5]) as string,
            service,
            message,
            extra: {},
          };
    this.pairs.apply(parsed);
    extractDurationSuffix(message, parsed);
    return parsed;
  }
}
