import type { ParsedLog } from "@logfeat/schema";
import {
  BACKSLASH,
  classOf,
  EQUALS,
  isSpace,
  KEY,
  QUOTE,
  WHITESPACE,
} from "./character-classes.js";
import { type AliasTable, TRAILING_PAIR_FIELDS } from "./field-aliases.js";
import { setOwn } from "./own-property.js";

type PairField = (typeof TRAILING_PAIR_FIELDS)[number];

interface PairAlias {
  readonly field: PairField;
  readonly priority: number;
}

/** `end` moved back over trailing whitespace, not before `from`. */
function trimmedEnd(text: string, from: number, end: number): number {
  let position = end;
  while (position > from && isSpace(text.charCodeAt(position - 1))) position -= 1;
  return position;
}

/** Undoes `\"` and `\\` inside a quoted value; other backslashes stay. */
export function unescapeQuoted(value: string): string {
  return value.indexOf("\\") === -1 ? value : value.replace(/\\(["\\])/g, "$1");
}

/**
 * Finds the trailing `key=value` / `key="quoted value"` pairs of `text[from, end)`.
 * Pushes key, value, key, value... into `out`, last pair first, and returns
 * the index where the pairs start (`end` minus trailing whitespace when there
 * are none). A key is `[A-Za-z0-9_.@-]+` preceded by whitespace or `from`; an
 * unquoted value runs to the next whitespace and may be empty or hold `=`.
 */
export function scanTrailingPairs(text: string, from: number, end: number, out: string[]): number {
  let position = trimmedEnd(text, from, end);
  let start = position;
  while (position > from) {
    let equals: number;
    let value: string;
    let keyStart: number;
    if (text.charCodeAt(position - 1) === QUOTE && position - 2 >= from) {
      let quote = position - 2;
      while (quote >= from) {
        if (text.charCodeAt(quote) === QUOTE) {
          let backslashes = 0;
          while (
            quote - 1 - backslashes >= from &&
            text.charCodeAt(quote - 1 - backslashes) === BACKSLASH
          )
            backslashes += 1;
          if (backslashes % 2 === 0) break;
        }
        quote -= 1;
      }
      if (quote <= from || text.charCodeAt(quote - 1) !== EQUALS) break;
      equals = quote - 1;
      value = unescapeQuoted(text.slice(quote + 1, position - 1));
      keyStart = equals;
      while (keyStart > from && classOf(text.charCodeAt(keyStart - 1)) === KEY) keyStart -= 1;
      if (keyStart === equals || (keyStart > from && !isSpace(text.charCodeAt(keyStart - 1))))
        break;
    } else {
      // One pass back to the token start, noting the leftmost `=` and the leftmost non-key character.
      let index = position - 1;
      let leftmostEquals = -1;
      let leftmostNonKey = -1;
      while (index >= from) {
        const code = text.charCodeAt(index);
        const kind = classOf(code);
        if (kind === WHITESPACE) break;
        if (kind !== KEY) {
          leftmostNonKey = index;
          if (code === EQUALS) leftmostEquals = index;
        }
        index -= 1;
      }
      const tokenStart = index + 1;
      if (leftmostEquals <= tokenStart || leftmostNonKey !== leftmostEquals) break;
      equals = leftmostEquals;
      value = text.slice(equals + 1, position);
      keyStart = tokenStart;
    }
    out.push(text.slice(keyStart, equals), value);
    start = keyStart;
    position = keyStart;
    while (position > from && isSpace(text.charCodeAt(position - 1))) position -= 1;
  }
  return start;
}

/**
 * Applies trailing pairs to a ParsedLog: keys in the duration / error_code /
 * request_id alias lists (case-insensitive, non-empty value) set those
 * fields, the alias earliest in its list winning (then the first in text
 * order); every other pair, including the losers, goes to `extra` unless
 * `extra` already has that key (fields of the layout win).
 */
export class TrailingPairs {
  private readonly aliases = new Map<string, PairAlias>();
  private readonly scratch: string[] = [];
  private readonly aliasScratch: (PairAlias | undefined)[] = [];

  /** `table`: the text alias table (SPEC lists plus `took`, or a fieldMap's lists). */
  constructor(table: AliasTable) {
    for (const field of TRAILING_PAIR_FIELDS) {
      table[field].forEach((name, priority) => {
        const key = name.toLowerCase();
        if (!this.aliases.has(key)) this.aliases.set(key, { field, priority });
      });
    }
  }

  /**
   * Finds the pairs ending `text[from, end)` and returns the index where they
   * start (the message without its pairs is `text.slice(from, returned)`).
   * `apply` then writes them into a ParsedLog.
   */
  scan(text: string, from: number, end: number): number {
    const pairs = this.scratch;
    pairs.length = 0;
    if (text.indexOf("=", from) === -1) return trimmedEnd(text, from, end);
    return scanTrailingPairs(text, from, end, pairs);
  }

  /** Writes the pairs found by the last `scan` into `parsed`. */
  apply(parsed: ParsedLog): void {
    const pairs = this.scratch;
    if (pairs.length === 0) return;
    const aliases = this.aliasScratch;
    // Pairs are stored last first; walk them in text order so the first of equal priority wins.
    let duration = -1;
    let errorCode = -1;
    let requestId = -1;
    for (let index = pairs.length - 2; index >= 0; index -= 2) {
      const alias =
        pairs[index + 1] === ""
          ? undefined
          : this.aliases.get((pairs[index] as string).toLowerCase());
      aliases[index] = alias;
      if (alias === undefined) continue;
      if (alias.field === "duration") {
        if (duration === -1 || alias.priority < (aliases[duration] as PairAlias).priority)
          duration = index;
      } else if (alias.field === "error_code") {
        if (errorCode === -1 || alias.priority < (aliases[errorCode] as PairAlias).priority)
          errorCode = index;
      } else if (requestId === -1 || alias.priority < (aliases[requestId] as PairAlias).priority)
        requestId = index;
    }
    for (let index = pairs.length - 2; index >= 0; index -= 2) {
      const key = pairs[index] as string;
      const value = pairs[index + 1] as string;
      if (index === duration) {
        parsed.duration = value;
        parsed.duration_field = key;
      } else if (index === errorCode) parsed.error_code = value;
      else if (index === requestId) parsed.request_id = value;
      else if (!Object.hasOwn(parsed.extra, key)) setOwn(parsed.extra, key, value);
    }
    pairs.length = 0;
  }

  /** `scan` then `apply`: copies the pairs ending `text[from, end)` into `parsed`, returns where they start. */
  extract(text: string, from: number, end: number, parsed: ParsedLog): number {
    const start = this.scan(text, from, end);
    this.apply(parsed);
    return start;
  }
}
