import type { ParsedLog, TextRawRecord } from "@logfeat/schema";
import { extractDurationSuffix } from "./duration-suffix.js";
import { resolveTextAliasTable } from "./field-aliases.js";
import { type FieldMapOptions, validateFieldMap, validateListener } from "./options.js";
import { emptyParsedLog, TextLineParser } from "./text-layout.js";
import { TrailingPairs } from "./trailing-pairs.js";

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';

/**
 * Access log, common or combined: 1 client, 2 ident, 3 user, 4 time, 5 request,
 * 6 status, 7 bytes, 8 referer, 9 user agent, 10 the rest (extra fields).
 */
const ACCESS = new RegExp(
  `^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] ${QUOTED} (\\d{3}) (\\d+|-)(?: ${QUOTED} ${QUOTED})?(.*)$`,
);

/**
 * Error log: 1 time (`Sun Dec 04 04:47:44 2005`, fraction allowed),
 * 2 module (2.4 `[core:error]`), 3 level, 4 message.
 */
const ERROR_LOG =
  /^\[([A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4})\] \[(?:([^\]\s:]+):)?([A-Za-z]+\d?)\](?:\s+|$)(.*)$/s;

/** A trailing request-time field: seconds with a fraction (nginx `$request_time`) or integer microseconds (Apache `%D`). */
const REQUEST_TIME = /(?:^|\s)(\d+)(\.\d+)?$/;

/** Level word for an HTTP status: 5xx `ERROR`, 4xx `WARNING`, else `INFO`. */
export function levelForStatus(status: number): string {
  if (status >= 500) return "ERROR";
  if (status >= 400) return "WARNING";
  return "INFO";
}

/**
 * Apache/nginx logs (SPEC section 3, item 4). Access logs (common and
 * combined, optionally followed by more fields): timestamp
 * `dd/Mmm/yyyy:hh:mm:ss ±hhmm` as found, message = the request line
 * (`GET /path HTTP/1.1`), level from the status (5xx ERROR, 4xx WARNING,
 * else INFO), no service (the normalizers' `defaults.service` supplies it),
 * `extra`: `client`, `ident`, `user`, `status`, `bytes` (numbers), `referer`,
 * `user_agent`. A last field that is a number is the request time: with a
 * fraction it is seconds (`duration_field: "request_time_s"`), an integer is
 * microseconds (`"request_time_us"`, Apache `%D`); `key=value` pairs there are
 * read as in every text layout. Error logs (`[Sun Dec 04 04:47:44 2005]
 * [error] message`, 2.4's `[module:level]`): timestamp without brackets,
 * level as written, message the rest, `extra.module`.
 */
export class ApacheLogParser extends TextLineParser {
  readonly name = "apache";
  private readonly pairs: TrailingPairs;

  /** `fieldMap` changes which trailing keys are durations, error codes and request ids. */
  constructor(options: FieldMapOptions = {}) {
    super(validateListener(options.onDiagnostic));
    this.pairs = new TrailingPairs(resolveTextAliasTable(validateFieldMap(options.fieldMap)));
  }

  parseText(text: string, raw: TextRawRecord): ParsedLog | null {
    return text.charCodeAt(0) === 91 /* [ */
      ? this.parseError(text, raw)
      : this.parseAccess(text, raw);
  }

  private parseAccess(text: string, raw: TextRawRecord): ParsedLog | null {
    const match = ACCESS.exec(text);
    if (match === null) return null;
    const parsed = emptyParsedLog(raw);
    const status = Number(match[6]);
    parsed.timestamp = match[4] as string;
    parsed.level = levelForStatus(status);
    parsed.message = match[5] as string;
    const extra = parsed.extra;
    extra["client"] = match[1];
    if (match[2] !== "-") extra["ident"] = match[2];
    if (match[3] !== "-") extra["user"] = match[3];
    extra["status"] = status;
    if (match[7] !== "-") extra["bytes"] = Number(match[7]);
    if (match[8] !== undefined && match[8] !== "-") extra["referer"] = match[8];
    if (match[9] !== undefined && match[9] !== "-") extra["user_agent"] = match[9];
    const rest = (match[10] as string).trim();
    if (rest !== "") {
      this.pairs.extract(rest, 0, rest.length, parsed);
      const requestTime = parsed.duration === undefined ? REQUEST_TIME.exec(rest) : null;
      if (requestTime !== null) {
        parsed.duration = `${requestTime[1]}${requestTime[2] ?? ""}`;
        parsed.duration_field = requestTime[2] === undefined ? "request_time_us" : "request_time_s";
      }
    }
    return parsed;
  }

  private parseError(text: string, raw: TextRawRecord): ParsedLog | null {
    const match = ERROR_LOG.exec(text);
    if (match === null) return null;
    const parsed = emptyParsedLog(raw);
    parsed.timestamp = match[1] as string;
    parsed.level = match[3] as string;
    const message = match[4] as string;
    parsed.message = message;
    if (match[2] !== undefined) parsed.extra["module"] = match[2];
    const pairStart = this.pairs.extract(message, 0, message.length, parsed);
    extractDurationSuffix(message, parsed, pairStart);
    return parsed;
  }
}
