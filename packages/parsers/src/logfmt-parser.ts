import type { ParsedLog, TextRawRecord } from "@logfeat/schema";
import { BACKSLASH, EQUALS, isSpace, QUOTE } from "./character-classes.js";
import { extractDurationSuffix } from "./duration-suffix.js";
import { resolveTextAliasTable } from "./field-aliases.js";
import { FieldPicker } from "./field-picker.js";
import { type FieldMapOptions, validateFieldMap, validateListener } from "./options.js";
import { setOwn } from "./own-property.js";
import { emptyParsedLog, TextLineParser } from "./text-layout.js";

/** Decodes a quoted logfmt value (Go `strconv.Quote` style); JSON escapes, else `\"`/`\\` only. */
function unquote(body: string): string {
  if (body.indexOf("\\") === -1) return body;
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body.replace(/\\(["\\])/g, "$1");
  }
}

/**
 * Splits a logfmt line into `key -> value` (later duplicates win). Returns
 * null unless every whitespace-separated token is `key=value` or
 * `key="quoted value"` (values may be empty; keys hold no `=`, `"` or space).
 */
export function splitLogfmt(text: string): Record<string, string> | null {
  const pairs: Record<string, string> = {};
  const length = text.length;
  let position = 0;
  let count = 0;
  while (position < length) {
    while (position < length && isSpace(text.charCodeAt(position))) position += 1;
    if (position >= length) break;
    const keyStart = position;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code === EQUALS || code === QUOTE || isSpace(code)) break;
      position += 1;
    }
    if (position === keyStart || text.charCodeAt(position) !== EQUALS) return null;
    const key = text.slice(keyStart, position);
    position += 1;
    let value: string;
    if (text.charCodeAt(position) === QUOTE) {
      const bodyStart = position + 1;
      position = bodyStart;
      while (position < length) {
        const code = text.charCodeAt(position);
        if (code === BACKSLASH) position += 2;
        else if (code === QUOTE) break;
        else position += 1;
      }
      if (position >= length) return null;
      value = unquote(text.slice(bodyStart, position));
      position += 1;
      if (position < length && !isSpace(text.charCodeAt(position))) return null;
    } else {
      const valueStart = position;
      while (position < length && !isSpace(text.charCodeAt(position))) {
        if (text.charCodeAt(position) === QUOTE) return null;
        position += 1;
      }
      value = text.slice(valueStart, position);
    }
    setOwn(pairs, key, value);
    count += 1;
  }
  return count === 0 ? null : pairs;
}

/**
 * logfmt lines (SPEC section 3, item 2): `time=... level=... service=...
 * msg="..."`. Every token must be a `key=value` pair. Keys are mapped with
 * the alias table (`ts`/`time` timestamp, `level`, `component`/`service`
 * service, `msg` message, `duration`/`latency_ms`/`took` duration, ...);
 * every other pair goes to `extra` as a string. A `(523ms)` / `took 1.5s`
 * suffix of the message sets the duration when no duration key is present.
 */
export class LogfmtParser extends TextLineParser {
  readonly name = "logfmt";
  private readonly picker: FieldPicker;

  /** `fieldMap` replaces alias lists (see `FIELD_ALIASES`). */
  constructor(options: FieldMapOptions = {}) {
    super(validateListener(options.onDiagnostic));
    this.picker = new FieldPicker(resolveTextAliasTable(validateFieldMap(options.fieldMap)));
  }

  parseText(text: string, raw: TextRawRecord): ParsedLog | null {
    const pairs = splitLogfmt(text);
    if (pairs === null) return null;
    const parsed = emptyParsedLog(raw);
    this.picker.pick(pairs, parsed);
    if (parsed.message !== undefined) extractDurationSuffix(parsed.message, parsed);
    return parsed;
  }
}
