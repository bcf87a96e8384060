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
  /** The alias name, lower case. */
  readonly name: string;
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

/** Numbers stored per pair found: key start, key end (the `=`), value start, value end, quoted (1) or not (0). */
const PAIR_SLOTS = 5;

/**
 * Pairs found by `scanTrailingPairs`, as positions in the scanned text (no
 * strings are cut until a pair is used), last pair first. Reused.
 */
export class PairPositions {
  /** `PAIR_SLOTS` numbers per pair. */
  slots: Int32Array = new Int32Array(PAIR_SLOTS * 8);
  /** Number of pairs. */
  count = 0;

  push(keyStart: number, equals: number, valueStart: number, valueEnd: number, quoted: number) {
    const offset = this.count * PAIR_SLOTS;
    if (offset + PAIR_SLOTS > this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    const slots = this.slots;
    slots[offset] = keyStart;
    slots[offset + 1] = equals;
    slots[offset + 2] = valueStart;
    slots[offset + 3] = valueEnd;
    slots[offset + 4] = quoted;
    this.count += 1;
  }
}

/**
 * Finds the trailing `key=value` / `key="quoted value"` pairs of `text[from, end)`.
 * Stores their positions in `out` (previous content dropped), last pair
 * first, and returns the index where the pairs start (`end` minus trailing
 * whitespace when there are none). A key is `[A-Za-z0-9_.@-]+` preceded by
 * whitespace or `from`; an unquoted value runs to the next whitespace and
 * may be empty or hold `=`; a quoted value ends at the last `"` (escaped
 * quotes `\"` and backslashes `\\` inside are undone when the value is read).
 */
export function scanTrailingPairs(
  text: string,
  from: number,
  end: number,
  out: PairPositions,
): number {
  out.count = 0;
  let position = trimmedEnd(text, from, end);
  let start = position;
  while (position > from) {
    let equals: number;
    let keyStart: number;
    let quoted = 0;
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
      quoted = 1;
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
      keyStart = tokenStart;
    }
    if (quoted === 1) out.push(keyStart, equals, equals + 2, position - 1, 1);
    else out.push(keyStart, equals, equals + 1, position, 0);
    start = keyStart;
    position = keyStart;
    while (position > from && isSpace(text.charCodeAt(position - 1))) position -= 1;
  }
  return start;
}

/** Lower-case ASCII letters; keys hold only `[A-Za-z0-9_.@-]`. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Applies trailing pairs to a ParsedLog: keys in the duration / error_code /
 * request_id alias lists (case-insensitive, non-empty value) set those
 * fields, the alias earliest in its list winning (then the first in text
 * order); every other pair, including the losers, goes to `extra` unless
 * `extra` already has that key (fields of the layout win).
 */
export class TrailingPairs {
  /** Aliases by length of their lower-case name (keys are ASCII, so a key matches only names of its length). */
  private readonly aliasesByLength: PairAlias[][] = [];
  private readonly found = new PairPositions();
  private readonly aliasScratch: (PairAlias | undefined)[] = [];
  private scanned = "";

  /** `table`: the text alias table (SPEC lists plus `took`, or a fieldMap's lists). */
  constructor(table: AliasTable) {
    const seen = new Set<string>();
    for (const field of TRAILING_PAIR_FIELDS) {
      table[field].forEach((name, priority) => {
        const key = name.toLowerCase();
        if (seen.has(key)) return;
        seen.add(key);
        const alias: PairAlias = { field, priority, name: key };
        const sameLength = this.aliasesByLength[key.length] ?? [];
        sameLength.push(alias);
        this.aliasesByLength[key.length] = sameLength;
      });
    }
  }

  /**
   * Finds the pairs ending `text[from, end)` and returns the index where they
   * start (the message without its pairs is `text.slice(from, returned)`).
   * `apply` then writes them into a ParsedLog.
   */
  scan(text: string, from: number, end: number): number {
    this.scanned = text;
    if (text.indexOf("=", from) === -1) {
      this.found.count = 0;
      return trimmedEnd(text, from, end);
    }
    return scanTrailingPairs(text, from, end, this.found);
  }

  /** The alias whose lower-case name is `text[start, end)` lower-cased, if any. */
  private aliasOf(text: string, start: number, end: number): PairAlias | undefined {
    const candidates = this.aliasesByLength[end - start];
    if (candidates === undefined) return undefined;
    for (const alias of candidates) {
      const name = alias.name;
      let index = start;
      while (index < end && lowerAscii(text.charCodeAt(index)) === name.charCodeAt(index - start))
        index += 1;
      if (index === end) return alias;
    }
    return undefined;
  }

  /** Writes the pairs found by the last `scan` into `parsed`. */
  apply(parsed: ParsedLog): void {
    const found = this.found;
    const count = found.count;
    if (count === 0) return;
    const text = this.scanned;
    const slots = found.slots;
    const aliases = this.aliasScratch;
    // Pairs are stored last first; walk them in text order so the first of equal priority wins.
    let duration = -1;
    let errorCode = -1;
    let requestId = -1;
    for (let pair = count - 1; pair >= 0; pair -= 1) {
      const offset = pair * PAIR_SLOTS;
      const alias =
        slots[offset + 2] === slots[offset + 3]
          ? undefined
          : this.aliasOf(text, slots[offset] as number, slots[offset + 1] as number);
      aliases[pair] = alias;
      if (alias === undefined) continue;
      if (alias.field === "duration") {
        if (duration === -1 || alias.priority < (aliases[duration] as PairAlias).priority)
          duration = pair;
      } else if (alias.field === "error_code") {
        if (errorCode === -1 || alias.priority < (aliases[errorCode] as PairAlias).priority)
          errorCode = pair;
      } else if (requestId === -1 || alias.priority < (aliases[requestId] as PairAlias).priority)
        requestId = pair;
    }
    for (let pair = count - 1; pair >= 0; pair -= 1) {
      const offset = pair * PAIR_SLOTS;
      const raw = text.slice(slots[offset + 2] as number, slots[offset + 3] as number);
      const value = slots[offset + 4] === 1 ? unescapeQuoted(raw) : raw;
      if (pair === duration) {
        parsed.duration = value;
        parsed.duration_field = text.slice(slots[offset] as number, slots[offset + 1] as number);
      } else if (pair === errorCode) parsed.error_code = value;
      else if (pair === requestId) parsed.request_id = value;
      else {
        const key = text.slice(slots[offset] as number, slots[offset + 1] as number);
        if (!Object.hasOwn(parsed.extra, key)) setOwn(parsed.extra, key, value);
      }
    }
    found.count = 0;
    this.scanned = "";
  }

  /** `scan` then `apply`: copies the pairs ending `text[from, end)` into `parsed`, returns where they start. */
  extract(text: string, from: number, end: number, parsed: ParsedLog): number {
    const start = this.scan(text, from, end);
    this.apply(parsed);
    return start;
  }
}
