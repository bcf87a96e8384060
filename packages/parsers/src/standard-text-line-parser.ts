import { isRegexWhitespace, type ParsedLog, type TextRawRecord } from "@logfeat/schema";
import { CommonTail } from "./common-tail.js";
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
const STANDARD_HEAD_SOURCE = `^(${ISO_TIMESTAMP_SOURCE})\\s+(?:([A-Za-z]+)\\s+(?:\\[([^\\]\\n]*)\\]|([^\\s\\[\\]]+)\\s+-(?=\\s|$))|\\[\\s*([A-Za-z]+)\\s*\\]\\s+([^\\s\\[\\]]+?):(?=\\s|$))\\s*`;
const STANDARD_HEAD = new RegExp(STANDARD_HEAD_SOURCE);

/** The group of the message in a line regex: after the head's six. */
const MESSAGE_GROUP = 7;
/** See `StandardTextLineParser.tailCredit`. */
const TAIL_MISS_COST = 32;
const MAX_TAIL_CREDIT = 64;

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
  private readonly commonTail: CommonTail;
  /**
   * The head, then optionally (group 7 and on) a message without `=` and
   * not ending in whitespace, followed by a `CommonTail` to the end of the
   * line. When the tail part does not match, the match is the head alone,
   * with `STANDARD_HEAD`'s groups (the optional part is given up before any
   * choice made in the head, and no other choice there could let it match).
   */
  private readonly headAndTail: RegExp;
  /**
   * Whether `headAndTail` is worth trying on the next line (>= 0). On a line
   * with a common tail it saves about 130 ns (no pair is read in
   * JavaScript); on a line with a head but another tail (or no pairs) it
   * costs about 100-200 ns (the regex reads the message and backtracks
   * before the tail part fails). +1 per line with a common tail (up to
   * `MAX_TAIL_CREDIT`), -`TAIL_MISS_COST` per line without; while it is
   * negative, lines are read by `parseStandardLine` and each adds 1 back,
   * so a file without common tails tries `headAndTail` on one line in
   * `TAIL_MISS_COST + 1`. Both readings give the same ParsedLog: this only
   * chooses the cheaper.
   */
  private tailCredit = 0;

  /** `fieldMap` changes which trailing keys are durations, error codes and request ids. */
  constructor(options: FieldMapOptions = {}) {
    super(validateListener(options.onDiagnostic));
    this.pairs = new TrailingPairs(resolveTextAliasTable(validateFieldMap(options.fieldMap)));
    this.commonTail = new CommonTail(this.pairs.firstAliases());
    this.headAndTail =
      this.commonTail.source === ""
        ? STANDARD_HEAD
        : new RegExp(`${STANDARD_HEAD_SOURCE}(?:([^=]*[^=\\s])${this.commonTail.source}$)?`);
  }

  parseText(text: string, raw: TextRawRecord): ParsedLog | null {
    if (this.tailCredit < 0) {
      this.tailCredit += 1;
      return parseStandardLine(text, raw, this.pairs);
    }
    const match = this.headAndTail.exec(text);
    if (match === null) return null;
    const message = match[MESSAGE_GROUP];
    if (message === undefined) {
      this.tailCredit -= TAIL_MISS_COST;
      return parseAfterHead(text, raw, match, this.pairs);
    }
    if (this.tailCredit < MAX_TAIL_CREDIT) this.tailCredit += 1;
    const parsed = parsedHead(match, raw, message);
    this.commonTail.apply(match, MESSAGE_GROUP + 1, parsed);
    extractDurationSuffix(message, parsed);
    return parsed;
  }
}

/**
 * Reads a standard line the general way: the head regex, then the trailing
 * pairs found by `pairs`. `StandardTextLineParser` reads a line whose tail
 * is not a `CommonTail` so (from its head on), and every line while common
 * tails are rare; the common tail must give what this gives.
 */
export function parseStandardLine(
  text: string,
  raw: TextRawRecord,
  pairs: TrailingPairs,
): ParsedLog | null {
  const head = STANDARD_HEAD.exec(text);
  return head === null ? null : parseAfterHead(text, raw, head, pairs);
}

/** The ParsedLog of a line whose head is matched: the rest is the message, less the trailing pairs `pairs` finds. */
function parseAfterHead(
  text: string,
  raw: TextRawRecord,
  head: RegExpExecArray,
  pairs: TrailingPairs,
): ParsedLog {
  const messageStart = head[0].length;
  const pairStart = pairs.scan(text, messageStart, text.length);
  // The message loses its pairs and the whitespace before them, unless it would be left empty.
  let messageEnd = text.length;
  if (pairStart !== messageStart) {
    messageEnd = pairStart;
    while (messageEnd > messageStart && isRegexWhitespace(text.charCodeAt(messageEnd - 1)))
      messageEnd -= 1;
  }
  const message = text.slice(messageStart, messageEnd);
  const parsed = parsedHead(head, raw, message);
  pairs.apply(parsed);
  extractDurationSuffix(message, parsed);
  return parsed;
}

/**
 * The ParsedLog of a matched head and its message, without pair fields.
 * One object literal per shape (with or without a service) keeps
 * allocation and hidden-class changes down.
 */
function parsedHead(match: RegExpExecArray, raw: TextRawRecord, message: string): ParsedLog {
  const service = match[3] ?? match[4] ?? match[6];
  return service === undefined || service === ""
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
}
