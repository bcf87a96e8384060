import type { ParsedLog } from "@logfeat/schema";
import { BACKSLASH, classOf, EQUALS, isSpace, KEY, QUOTE } from "./character-classes.js";
import { type AliasTable, TRAILING_PAIR_FIELDS } from "./field-aliases.js";
import { setOwn } from "./own-property.js";

type PairField = (typeof TRAILING_PAIR_FIELDS)[number];

interface PairAlias {
  readonly field: PairField;
  readonly priority: number;
  /** The alias name, lower case (only key characters: other names can never match a key). */
  readonly name: string;
  /** The alias as written in the table. */
  readonly written: string;
  /** Where `name`'s character codes start in `TrailingPairs.nameCodes`. */
  readonly offset: number;
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

/** True when every character of `text[start, end)` is a key character (`[A-Za-z0-9_.@-]`). */
function allKeyCharacters(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1)
    if (classOf(text.charCodeAt(index)) !== KEY) return false;
  return true;
}

/**
 * The `=` of the quoted pair `key="value"` whose closing quote is at
 * `position - 1`, or -1. The opening quote is the last unescaped `"` before
 * the closing one; it must follow the `=`.
 */
function quotedPairEquals(text: string, from: number, position: number): number {
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
  if (quote <= from || text.charCodeAt(quote - 1) !== EQUALS) return -1;
  return quote - 1;
}

/** Lower-case ASCII letters; keys hold only `[A-Za-z0-9_.@-]`. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Numbers stored per pair found: key start, key end (the `=`), value start,
 * value end, quoted (1) or not (0), and the alias the key names (the
 * `aliasOf` number; -1 for none or an empty value).
 */
const PAIR_SLOTS = 6;

/**
 * Reads the trailing `key=value` / `key="quoted value"` pairs of a message.
 * `scan` finds them, from the end, as positions in the text (no strings are
 * cut and no objects made until a pair is used); `apply` writes them into a
 * ParsedLog: keys in the duration / error_code / request_id alias lists
 * (case-insensitive, non-empty value) set those fields, the alias earliest
 * in its list winning (then the first in text order); every other pair,
 * including the losers, goes to `extra` unless `extra` already has that key
 * (fields of the layout win). One instance is reused line after line.
 */
export class TrailingPairs {
  /** Every alias, indexed by the number `aliasOf` gives (halved). */
  private readonly aliases: PairAlias[] = [];
  /** Alias numbers by length of their lower-case name (keys are ASCII, so a key matches only names of its length). */
  private readonly aliasesByLength: number[][] = [];
  /** The character codes of every alias name, one after the other (faster to compare than string characters). */
  private readonly nameCodes: Uint8Array;
  /** `PAIR_SLOTS` numbers per pair found by the last `scan`, last pair first. */
  private slots = new Int32Array(PAIR_SLOTS * 8);
  private count = 0;
  private scanned = "";

  /** `table`: the text alias table (SPEC lists plus `took`, or a fieldMap's lists). */
  constructor(table: AliasTable) {
    const seen = new Set<string>();
    let names = "";
    for (const field of TRAILING_PAIR_FIELDS) {
      table[field].forEach((written, priority) => {
        const name = written.toLowerCase();
        if (seen.has(name)) return;
        seen.add(name);
        // A name with other characters never matches a key (keys are `[A-Za-z0-9_.@-]+`).
        if (!allKeyCharacters(name, 0, name.length)) return;
        const sameLength = this.aliasesByLength[name.length] ?? [];
        sameLength.push(this.aliases.length);
        this.aliasesByLength[name.length] = sameLength;
        this.aliases.push({ field, priority, name, written, offset: names.length });
        names += name;
      });
    }
    this.nameCodes = Uint8Array.from(names, (character) => character.charCodeAt(0));
  }

  /**
   * Finds the pairs ending `text[from, end)` and returns the index where they
   * start (the message without its pairs is `text.slice(from, returned)`;
   * `end` minus trailing whitespace when there are none). A key is
   * `[A-Za-z0-9_.@-]+` preceded by whitespace or `from`; an unquoted value
   * runs to the next whitespace and may be empty or hold `=`; a quoted value
   * ends at the last `"` (escaped quotes `\"` and backslashes `\\` inside are
   * undone when the value is read). `apply` then writes them into a ParsedLog.
   */
  scan(text: string, from: number, end: number): number {
    this.scanned = text;
    this.count = 0;
    let position = trimmedEnd(text, from, end);
    if (text.indexOf("=", from) === -1) return position;
    let start = position;
    while (position > from) {
      let keyStart: number;
      let equals: number;
      let valueStart: number;
      let valueEnd: number;
      let alias: number;
      let quoted = 0;
      if (text.charCodeAt(position - 1) === QUOTE && position - 2 >= from) {
        equals = quotedPairEquals(text, from, position);
        if (equals === -1) break;
        keyStart = equals;
        while (keyStart > from && classOf(text.charCodeAt(keyStart - 1)) === KEY) keyStart -= 1;
        if (keyStart === equals || (keyStart > from && !isSpace(text.charCodeAt(keyStart - 1))))
          break;
        valueStart = equals + 2;
        valueEnd = position - 1;
        quoted = 1;
        alias = this.aliasOf(text, keyStart, equals);
      } else {
        // One pass back to the token start, noting the leftmost `=`; that `=` ends the key.
        let index = position - 1;
        equals = -1;
        while (index >= from) {
          const code = text.charCodeAt(index);
          if (isSpace(code)) break;
          if (code === EQUALS) equals = index;
          index -= 1;
        }
        keyStart = index + 1;
        if (equals <= keyStart) break;
        // A key that names an alias is valid (alias names are key characters); others are checked here.
        alias = this.aliasOf(text, keyStart, equals);
        if (alias === -1 && !allKeyCharacters(text, keyStart, equals)) break;
        valueStart = equals + 1;
        valueEnd = position;
      }
      this.push(
        keyStart,
        equals,
        valueStart,
        valueEnd,
        quoted,
        valueStart === valueEnd ? -1 : alias,
      );
      start = keyStart;
      position = trimmedEnd(text, from, keyStart);
    }
    return start;
  }

  private push(
    keyStart: number,
    equals: number,
    valueStart: number,
    valueEnd: number,
    quoted: number,
    alias: number,
  ): void {
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
    slots[offset + 5] = alias;
    this.count += 1;
  }

  /**
   * The alias whose lower-case name is `text[start, end)` lower-cased, as its
   * index times two, plus one when the key is written exactly as in the
   * table (its name can then be reused instead of cut from the text); -1 for
   * none.
   */
  private aliasOf(text: string, start: number, end: number): number {
    const candidates = this.aliasesByLength[end - start];
    if (candidates === undefined) return -1;
    const codes = this.nameCodes;
    const length = end - start;
    const first = lowerAscii(text.charCodeAt(start));
    for (const number of candidates) {
      const alias = this.aliases[number] as PairAlias;
      const offset = alias.offset;
      if (codes[offset] !== first) continue;
      // `exact` stays 1 while the key is written like the (lower-case) name.
      let exact = text.charCodeAt(start) === first ? 1 : 0;
      let index = 1;
      while (index < length) {
        const code = text.charCodeAt(start + index);
        const lower = lowerAscii(code);
        if (lower !== codes[offset + index]) break;
        if (code !== lower) exact = 0;
        index += 1;
      }
      if (index !== length) continue;
      if (alias.written !== alias.name) exact = text.startsWith(alias.written, start) ? 1 : 0;
      return number * 2 + exact;
    }
    return -1;
  }

  /** Writes the pairs found by the last `scan` into `parsed`. */
  apply(parsed: ParsedLog): void {
    const count = this.count;
    if (count === 0) return;
    const text = this.scanned;
    const slots = this.slots;
    const aliases = this.aliases;
    // Pairs are stored last first; walk them in text order so the first of equal priority wins.
    let duration = -1;
    let durationPriority = 0;
    let errorCode = -1;
    let errorCodePriority = 0;
    let requestId = -1;
    let requestIdPriority = 0;
    for (let pair = count - 1; pair >= 0; pair -= 1) {
      const number = slots[pair * PAIR_SLOTS + 5] as number;
      if (number === -1) continue;
      const alias = aliases[number >> 1] as PairAlias;
      const priority = alias.priority;
      if (alias.field === "duration") {
        if (duration === -1 || priority < durationPriority) {
          duration = pair;
          durationPriority = priority;
        }
      } else if (alias.field === "error_code") {
        if (errorCode === -1 || priority < errorCodePriority) {
          errorCode = pair;
          errorCodePriority = priority;
        }
      } else if (requestId === -1 || priority < requestIdPriority) {
        requestId = pair;
        requestIdPriority = priority;
      }
    }
    for (let pair = count - 1; pair >= 0; pair -= 1) {
      const offset = pair * PAIR_SLOTS;
      const raw = text.slice(slots[offset + 2] as number, slots[offset + 3] as number);
      const value = slots[offset + 4] === 1 ? unescapeQuoted(raw) : raw;
      if (pair === duration) {
        const alias = slots[offset + 5] as number;
        parsed.duration = value;
        parsed.duration_field =
          (alias & 1) === 1
            ? (aliases[alias >> 1] as PairAlias).written
            : text.slice(slots[offset] as number, slots[offset + 1] as number);
      } else if (pair === errorCode) parsed.error_code = value;
      else if (pair === requestId) parsed.request_id = value;
      else {
        const key = text.slice(slots[offset] as number, slots[offset + 1] as number);
        if (!Object.hasOwn(parsed.extra, key)) setOwn(parsed.extra, key, value);
      }
    }
    this.count = 0;
    this.scanned = "";
  }

  /** `scan` then `apply`: copies the pairs ending `text[from, end)` into `parsed`, returns where they start. */
  extract(text: string, from: number, end: number, parsed: ParsedLog): number {
    const start = this.scan(text, from, end);
    this.apply(parsed);
    return start;
  }
}
