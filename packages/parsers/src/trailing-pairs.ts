import type { ParsedLog } from "@logfeat/schema";
import { BACKSLASH, classOf, EQUALS, isSpace, KEY, QUOTE } from "./character-classes.js";
import { type AliasTable, TRAILING_PAIR_FIELDS } from "./field-aliases.js";
import { setOwn } from "./own-property.js";

type PairField = (typeof TRAILING_PAIR_FIELDS)[number];

/** An alias of a field that trailing pairs can set. */
export interface PairAlias {
  readonly field: PairField;
  readonly priority: number;
  /** The alias as written in the table. */
  readonly written: string;
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

/*
 * Keys are matched to the aliases while the scan reads them, with a small
 * automaton over the lower-case alias names: one table lookup per
 * character, indexed by the state and the character code itself (upper and
 * lower case lead to the same state), so no key is read twice and no
 * character is classified before the lookup.
 */
/** Character codes per row of the transition table (codes from 128 cannot be in a key). */
const CODES = 128;
/** `state << CODE_BITS` is the first entry of the state's row. */
const CODE_BITS = 7;

/** State: a character that cannot be in a key was read (the key ends there). */
const NOT_A_KEY = 0;
/** State: only key characters were read, and they are part of no alias name. */
const PLAIN_KEY = 1;
/** State: nothing read yet (the start of every key). */
const EMPTY_KEY = 2;

/**
 * An automaton that reads a key, one character at a time, in the
 * direction it was built for, and tells the alias it names.
 */
interface KeyAutomaton {
  /**
   * `next[(state << CODE_BITS) | code]`: the state after reading the
   * character `code` (below 128); `NOT_A_KEY` for a character that cannot be
   * in a key (whitespace, `=`, anything but `[A-Za-z0-9_.@-]`).
   */
  readonly next: Int32Array;
  /** Per state, the alias whose whole name it has read, or -1. */
  readonly aliasAt: Int32Array;
}

/** The state after reading `code` in `state`: `NOT_A_KEY` when it cannot be in a key. */
function step(next: Int32Array, state: number, code: number): number {
  return code < CODES ? (next[(state << CODE_BITS) | code] as number) : NOT_A_KEY;
}

/** The automaton for `names` (lower case, key characters only), read forwards or, `reversed`, backwards. */
function keyAutomaton(names: readonly string[], reversed: boolean): KeyAutomaton {
  const children: Map<number, number>[] = [new Map(), new Map(), new Map()];
  const aliasAt: number[] = [-1, -1, -1];
  names.forEach((name, alias) => {
    let state = EMPTY_KEY;
    for (let index = 0; index < name.length; index += 1) {
      const code = name.charCodeAt(reversed ? name.length - 1 - index : index);
      const edges = children[state] as Map<number, number>;
      let child = edges.get(code);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        aliasAt.push(-1);
        edges.set(code, child);
      }
      state = child;
    }
    aliasAt[state] = alias;
  });
  // Characters that cannot be in a key (and every character from NOT_A_KEY) lead to NOT_A_KEY, which is 0.
  const next = new Int32Array(children.length << CODE_BITS);
  for (let state = PLAIN_KEY; state < children.length; state += 1)
    for (let code = 0; code < CODES; code += 1)
      if (classOf(code) === KEY)
        next[(state << CODE_BITS) | code] =
          (children[state] as Map<number, number>).get(lowerAscii(code)) ?? PLAIN_KEY;
  return { next, aliasAt: Int32Array.from(aliasAt) };
}

const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Numbers stored per pair found: key start, key end (the `=`), value start,
 * value end, quoted (1) or not (0), and the index of the alias the key
 * names (-1 for none or an empty value).
 */
const PAIR_SLOTS = 6;

/**
 * Reads the trailing `key=value` / `key="quoted value"` pairs of a message.
 * `scan` finds them as positions in the text (no strings are cut and no
 * objects made until a pair is used); `apply` writes them into a
 * ParsedLog: keys in the duration / error_code / request_id alias lists
 * (case-insensitive, non-empty value) set those fields, the alias earliest
 * in its list winning (then the first in text order); every other pair,
 * including the losers, goes to `extra` unless `extra` already has that key
 * (fields of the layout win). One instance is reused line after line.
 */
export class TrailingPairs {
  /** Every alias the automatons name, by number. */
  private readonly aliases: PairAlias[] = [];
  /** Reads keys left to right (`scan`). */
  private readonly forward: KeyAutomaton;
  /** Reads keys right to left (`scanFromEnd`, and the first key of `scan`). */
  private readonly backward: KeyAutomaton;
  /** `PAIR_SLOTS` numbers per pair found by the last scan, in text order. */
  private slots = new Int32Array(PAIR_SLOTS * 8);
  private count = 0;
  private scanned = "";

  /** `table`: the text alias table (SPEC lists plus `took`, or a fieldMap's lists). */
  constructor(table: AliasTable) {
    const names: string[] = [];
    for (const field of TRAILING_PAIR_FIELDS) {
      table[field].forEach((written, priority) => {
        const name = written.toLowerCase();
        // Empty names and names with other characters never match a key
        // (`[A-Za-z0-9_.@-]+`); the same name twice (in any case): the first counts.
        if (name === "" || names.includes(name)) return;
        for (let index = 0; index < name.length; index += 1)
          if (classOf(name.charCodeAt(index)) !== KEY) return;
        names.push(name);
        this.aliases.push({ field, priority, written });
      });
    }
    this.forward = keyAutomaton(names, false);
    this.backward = keyAutomaton(names, true);
  }

  /**
   * The first alias of each field that a key can name (in the order of
   * `TRAILING_PAIR_FIELDS`), e.g. `duration_ms`, `error_code`, `request_id`
   * by default: the keys `CommonTail` reads without this class.
   */
  firstAliases(): PairAlias[] {
    const first: PairAlias[] = [];
    for (const field of TRAILING_PAIR_FIELDS) {
      const alias = this.aliases.find((candidate) => candidate.field === field);
      if (alias !== undefined) first.push(alias);
    }
    return first;
  }

  /**
   * Finds the pairs ending `text[from, end)` and returns the index where they
   * start (the message without its pairs is `text.slice(from, returned)`;
   * `end` minus trailing whitespace when there are none). A key is
   * `[A-Za-z0-9_.@-]+` preceded by whitespace or `from`; an unquoted value
   * runs to the next whitespace and may be empty or hold `=`; a quoted value
   * ends at the last `"` (escaped quotes `\"` and backslashes `\\` inside are
   * undone when the value is read). `apply` then writes them into a ParsedLog.
   *
   * Same result as `scanFromEnd`, faster for the common tail: it starts at
   * the first `=` and reads on to the end once, pairs separated by spaces;
   * a quote, tab, CR or LF there hands the line to `scanFromEnd`.
   */
  scan(text: string, from: number, end: number): number {
    const firstEquals = text.indexOf("=", from);
    if (firstEquals === -1 || firstEquals >= end) {
      this.scanned = text;
      this.count = 0;
      return trimmedEnd(text, from, end);
    }
    const start = this.scanForward(text, from, end, firstEquals);
    return start === -1 ? this.scanFromEnd(text, from, end) : start;
  }

  /**
   * `scan` for a text whose first `=` at or after `from` is at `firstEquals`
   * (before `end`), or -1 when the tail holds a quote, tab, CR or LF. No
   * pair starts before the key of that `=` (the tokens before hold no `=`),
   * so the pairs are the tokens from there on that follow the last token
   * that is not a pair.
   */
  private scanForward(text: string, from: number, end: number, firstEquals: number): number {
    this.scanned = text;
    this.count = 0;
    // The first `=`'s key, read back to its start with the backward automaton;
    // if it holds a character that cannot be in a key, its token is not a pair.
    // `code` keeps the character that stopped the read (each character is read once).
    const backward = this.backward.next;
    let keyStart = firstEquals;
    let state = EMPTY_KEY;
    let code = SPACE;
    while (keyStart > from) {
      code = text.charCodeAt(keyStart - 1);
      const stepped = step(backward, state, code);
      if (stepped === NOT_A_KEY) break;
      state = stepped;
      keyStart -= 1;
    }
    let alias = this.backward.aliasAt[state] as number;
    let notAPair = keyStart > from && !isSpace(code);
    const next = this.forward.next;
    const aliasAt = this.forward.aliasAt;
    let position = firstEquals;
    code = EQUALS;
    for (;;) {
      // A token whose key characters are read (`position` is where they stop,
      // `code` the character there): then `=` and the value, or the rest of a
      // token that is not a pair.
      const equals = position;
      if (!notAPair && equals > keyStart && equals < end && code === EQUALS) position += 1;
      else notAPair = true;
      while (position < end) {
        code = text.charCodeAt(position);
        // One comparison for most characters: space, quote, tab, CR and LF are all below 35.
        if (code <= QUOTE) {
          if (code === SPACE) break;
          if (code === QUOTE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)
            return -1;
        }
        position += 1;
      }
      if (notAPair) this.count = 0;
      else
        this.push(keyStart, equals, equals + 1, position, 0, position === equals + 1 ? -1 : alias);
      notAPair = false;
      if (position >= end) break;
      // The space that ended the value, the spaces after it, then the next token's key characters.
      position += 1;
      while (position < end) {
        code = text.charCodeAt(position);
        if (code !== SPACE) break;
        position += 1;
      }
      if (position >= end) break;
      keyStart = position;
      state = EMPTY_KEY;
      for (;;) {
        const stepped = step(next, state, code);
        if (stepped === NOT_A_KEY) break;
        state = stepped;
        position += 1;
        if (position >= end) break;
        code = text.charCodeAt(position);
      }
      alias = aliasAt[state] as number;
    }
    return this.count === 0 ? trimmedEnd(text, from, end) : (this.slots[0] as number);
  }

  /**
   * `scan` for any text: reads the tokens from the end backwards and stops
   * at the first one that is not a pair (a quoted value may hold spaces, so
   * it is found from its closing quote back to the last unescaped `"`).
   */
  scanFromEnd(text: string, from: number, end: number): number {
    this.scanned = text;
    this.count = 0;
    let position = trimmedEnd(text, from, end);
    if (text.indexOf("=", from) === -1) return position;
    const next = this.backward.next;
    let start = position;
    while (position > from) {
      let keyStart: number;
      let equals: number;
      let valueStart: number;
      let valueEnd: number;
      let state = EMPTY_KEY;
      let quoted = 0;
      if (text.charCodeAt(position - 1) === QUOTE && position - 2 >= from) {
        equals = quotedPairEquals(text, from, position);
        if (equals === -1) break;
        keyStart = equals;
        while (keyStart > from) {
          const stepped = step(next, state, text.charCodeAt(keyStart - 1));
          if (stepped === NOT_A_KEY) break;
          state = stepped;
          keyStart -= 1;
        }
        if (keyStart === equals || (keyStart > from && !isSpace(text.charCodeAt(keyStart - 1))))
          break;
        valueStart = equals + 2;
        valueEnd = position - 1;
        quoted = 1;
      } else {
        // One pass back to the token start. Each `=` starts the key over, so
        // at the start `state` has read the key: the text before the leftmost `=`.
        let index = position - 1;
        equals = -1;
        while (index >= from) {
          const code = text.charCodeAt(index);
          if (code === EQUALS) {
            equals = index;
            state = EMPTY_KEY;
          } else if (isSpace(code)) break;
          else state = step(next, state, code);
          index -= 1;
        }
        keyStart = index + 1;
        if (equals <= keyStart || state === NOT_A_KEY) break;
        valueStart = equals + 1;
        valueEnd = position;
      }
      this.push(
        keyStart,
        equals,
        valueStart,
        valueEnd,
        quoted,
        valueStart === valueEnd ? -1 : (this.backward.aliasAt[state] as number),
      );
      start = keyStart;
      position = trimmedEnd(text, from, keyStart);
    }
    this.reversePairs();
    return start;
  }

  /** Puts the pairs found last first in text order. */
  private reversePairs(): void {
    const slots = this.slots;
    for (let low = 0, high = this.count - 1; low < high; low += 1, high -= 1)
      for (let slot = 0; slot < PAIR_SLOTS; slot += 1) {
        const kept = slots[low * PAIR_SLOTS + slot] as number;
        slots[low * PAIR_SLOTS + slot] = slots[high * PAIR_SLOTS + slot] as number;
        slots[high * PAIR_SLOTS + slot] = kept;
      }
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

  /** Writes the pairs found by the last `scan` into `parsed`. */
  apply(parsed: ParsedLog): void {
    const count = this.count;
    if (count === 0) return;
    const text = this.scanned;
    const slots = this.slots;
    const aliases = this.aliases;
    // In text order, so the first of equal priority wins.
    let duration = -1;
    let durationPriority = 0;
    let errorCode = -1;
    let errorCodePriority = 0;
    let requestId = -1;
    let requestIdPriority = 0;
    for (let pair = 0; pair < count; pair += 1) {
      const number = slots[pair * PAIR_SLOTS + 5] as number;
      if (number === -1) continue;
      const alias = aliases[number] as PairAlias;
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
    for (let pair = 0; pair < count; pair += 1) {
      const offset = pair * PAIR_SLOTS;
      const raw = text.slice(slots[offset + 2] as number, slots[offset + 3] as number);
      const value = slots[offset + 4] === 1 ? unescapeQuoted(raw) : raw;
      if (pair === duration) {
        const written = (aliases[slots[offset + 5] as number] as PairAlias).written;
        const key = text.slice(slots[offset] as number, slots[offset + 1] as number);
        parsed.duration = value;
        // The table's string when the key is written the same (one shared string, not a copy per line).
        parsed.duration_field = key === written ? written : key;
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
