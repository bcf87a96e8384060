import type { ParsedLog, TextRawRecord } from "@logfeat/schema";
import { extractDurationSuffix } from "./duration-suffix.js";
import { resolveTextAliasTable } from "./field-aliases.js";
import { leadingLevelWord } from "./level-word.js";
import { type FieldMapOptions, validateFieldMap, validateListener } from "./options.js";
import { ISO_TIMESTAMP_SOURCE } from "./standard-text-line-parser.js";
import { emptyParsedLog, TextLineParser } from "./text-layout.js";
import { TrailingPairs } from "./trailing-pairs.js";

/** Highest valid PRI: facility 23, severity 7. */
const MAX_PRI = 191;

/** RFC 5424 header up to MSGID: 1 PRI, 2 timestamp, 3 host, 4 app, 5 procid, 6 msgid. */
const RFC5424_HEADER = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+)(?: |$)/;

/**
 * RFC 3164: 1 PRI (optional), 2 timestamp (`Mmm dd hh:mm:ss`, day space-padded
 * or not, or ISO 8601), 3 host, 4 tag, 5 pid, 6 message.
 */
const RFC3164 = new RegExp(
  `^(?:<(\\d{1,3})>)?([A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}|${ISO_TIMESTAMP_SOURCE}) +(\\S+) +([^\\s\\[\\]:]+)(?:\\[(\\d+)\\])?:(?:\\s+|$)(.*)$`,
  "s",
);

const BYTE_ORDER_MARK = "\uFEFF";

/** End index (exclusive) of the structured data starting at `from` (`-` or `[...]...`), or -1. */
function structuredDataEnd(text: string, from: number): number {
  if (text[from] === "-") return from + 1;
  let position = from;
  while (text[position] === "[") {
    position += 1;
    let inQuotes = false;
    while (position < text.length) {
      const character = text[position];
      if (character === "\\") position += 2;
      else if (character === '"') {
        inQuotes = !inQuotes;
        position += 1;
      } else if (character === "]" && !inQuotes) break;
      else position += 1;
    }
    if (position >= text.length) return -1;
    position += 1;
  }
  return position === from ? -1 : position;
}

/**
 * syslog lines (SPEC section 3, item 3): RFC 5424
 * (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`) and RFC 3164
 * (`<PRI>Mmm dd hh:mm:ss host app[pid]: msg`, `<PRI>` optional). The service
 * is the app name / tag; timestamps are kept as found (`-` means none).
 * Level: a severity word that starts the message (`error: ...`), else the PRI
 * severity number 0-7 with `level_scheme: "syslog"`, else none. The message
 * stays whole; trailing `key=value` pairs are copied out. `extra` gets
 * `hostname`, `facility` (number), `pid`/`procid`, `msgid`, `structured_data`.
 */
export class SyslogParser extends TextLineParser {
  readonly name = "syslog";
  private readonly pairs: TrailingPairs;

  /** `fieldMap` changes which trailing keys are durations, error codes and request ids. */
  constructor(options: FieldMapOptions = {}) {
    super(validateListener(options.onDiagnostic));
    this.pairs = new TrailingPairs(resolveTextAliasTable(validateFieldMap(options.fieldMap)));
  }

  parseText(text: string, raw: TextRawRecord): ParsedLog | null {
    return text.charCodeAt(0) === 60 /* < */ && RFC5424_HEADER.test(text)
      ? this.parse5424(text, raw)
      : this.parse3164(text, raw);
  }

  private parse5424(text: string, raw: TextRawRecord): ParsedLog | null {
    const header = RFC5424_HEADER.exec(text);
    if (header === null) return null;
    const pri = Number(header[1]);
    if (pri > MAX_PRI) return null;
    const structuredDataStart = header[0].length;
    const dataEnd =
      structuredDataStart >= text.length
        ? structuredDataStart
        : structuredDataEnd(text, structuredDataStart);
    if (dataEnd === -1 || (dataEnd < text.length && text[dataEnd] !== " ")) return null;
    const parsed = emptyParsedLog(raw);
    const [, , timestamp, host, app, procid, msgid] = header as unknown as string[];
    if (timestamp !== "-") parsed.timestamp = timestamp as string;
    if (app !== "-") parsed.service = app as string;
    let message = dataEnd < text.length ? text.slice(dataEnd + 1) : "";
    if (message.startsWith(BYTE_ORDER_MARK)) message = message.slice(1);
    this.setLevel(parsed, message, pri);
    parsed.message = message;
    if (host !== "-") parsed.extra["hostname"] = host;
    if (procid !== "-") parsed.extra["procid"] = procid;
    if (msgid !== "-") parsed.extra["msgid"] = msgid;
    const structuredData = text.slice(structuredDataStart, dataEnd);
    if (structuredData !== "-" && structuredData !== "")
      parsed.extra["structured_data"] = structuredData;
    this.finish(parsed, message);
    return parsed;
  }

  private parse3164(text: string, raw: TextRawRecord): ParsedLog | null {
    const match = RFC3164.exec(text);
    if (match === null) return null;
    const pri = match[1] === undefined ? undefined : Number(match[1]);
    if (pri !== undefined && pri > MAX_PRI) return null;
    const parsed = emptyParsedLog(raw);
    parsed.timestamp = match[2] as string;
    parsed.service = match[4] as string;
    const message = match[6] as string;
    this.setLevel(parsed, message, pri);
    parsed.message = message;
    parsed.extra["hostname"] = match[3];
    if (match[5] !== undefined) parsed.extra["pid"] = match[5];
    this.finish(parsed, message);
    return parsed;
  }

  private setLevel(parsed: ParsedLog, message: string, pri: number | undefined): void {
    const word = leadingLevelWord(message);
    if (word !== undefined) parsed.level = word;
    else if (pri !== undefined) {
      parsed.level = pri % 8;
      parsed.level_scheme = "syslog";
    }
    if (pri !== undefined) parsed.extra["facility"] = Math.floor(pri / 8);
  }

  private finish(parsed: ParsedLog, message: string): void {
    const pairStart = this.pairs.extract(message, 0, message.length, parsed);
    extractDurationSuffix(message, parsed, pairStart);
  }
}
