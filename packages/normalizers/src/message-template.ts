import { isRegexWhitespace } from "@logfeat/schema";
import { codeAt } from "./code-at.js";
import { isControlCharacter } from "./normalize-message.js";

/** The placeholder that replaces each variable token. */
export const TEMPLATE_PLACEHOLDER = "<*>";

/** Unit suffixes a number may carry and still be one token (case-insensitive; also `µs`/`μs` and `%`). */
export const NUMBER_UNITS: ReadonlySet<string> = new Set([
  "ns",
  "us",
  "ms",
  "sec",
  "s",
  "min",
  "m",
  "h",
  "d",
  "b",
  "kb",
  "mb",
  "gb",
  "tb",
  "kib",
  "mib",
  "gib",
  "tib",
  "bytes",
]);

const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const EQUALS = 61;
const COLON = 58;
const DOT = 46;
const DASH = 45;
const PERCENT = 37;
const MICRO = 0xb5;
const GREEK_MU = 0x3bc;
const NEWLINE = 10;

const ALPHANUMERIC_KIND = 1;
const HEX_KIND = 2;
const DIGIT_KIND = 4;
const TRIGGER_KIND = 8;
const CONTROL_KIND = 16;

/**
 * For each ASCII code: letter/digit, hex digit, digit, a character that may
 * start a token by itself (`"`, `'`, `=`, `:`), or a control character that
 * `cleanMessage` removes (C0 but `\t` and `\n`, DEL); 0 for the rest, which
 * the scanner skips with one table read.
 */
const CHARACTER_KINDS: Uint8Array = (() => {
  const kinds = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) {
    const lower = code | 32;
    if (code >= 48 && code <= 57) kinds[code] = ALPHANUMERIC_KIND | HEX_KIND | DIGIT_KIND;
    else if (lower >= 97 && lower <= 102) kinds[code] = ALPHANUMERIC_KIND | HEX_KIND;
    else if (lower >= 103 && lower <= 122) kinds[code] = ALPHANUMERIC_KIND;
  }
  for (const code of [QUOTE, APOSTROPHE, EQUALS, COLON]) kinds[code] = TRIGGER_KIND;
  for (let code = 0; code < 128; code += 1)
    if (isControlCharacter(code)) kinds[code] = CONTROL_KIND;
  return kinds;
})();

/** The kind of a character: `CHARACTER_KINDS` for ASCII, control for C1 (U+0080..U+009F), else 0. */
function characterKind(code: number): number {
  if (code < 128) return CHARACTER_KINDS[code] as number;
  return code <= 0x9f && isControlCharacter(code) ? CONTROL_KIND : 0;
}

/** True when `text[start, end)` holds a character that `cleanMessage` removes. */
function hasControlCharacter(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1)
    if (characterKind(text.charCodeAt(index)) === CONTROL_KIND) return true;
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
/** ASCII letter or digit (`[a-z0-9]` with the `i` flag). */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
}
function isLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}
function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
}
function isWordCharacter(code: number): boolean {
  return isAlphanumeric(code) || code === 95;
}
/** A character that may end the key of `key=value`: `[a-z0-9_.-]`. */
function isKeyCharacter(code: number): boolean {
  return isWordCharacter(code) || code === DOT || code === DASH;
}

/** The character before `index`, or -1 at the start. */
function codeBefore(text: string, index: number): number {
  return index > 0 ? text.charCodeAt(index - 1) : -1;
}

/** Number of hex digits from `start`. */
function hexRun(text: string, start: number): number {
  let index = start;
  while (isHex(codeAt(text, index))) index += 1;
  return index - start;
}

/** End of a double-quoted string starting at `start` (backslash escapes any character), or -1. */
function doubleQuotedEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) return index + 1;
    if (code === BACKSLASH) index += 1;
  }
  return -1;
}

/**
 * End of a single-quoted string starting at `start`, or -1: not after a word
 * character, no raw newline inside, not followed by a word character (so
 * the apostrophes of `can't` and `users'` are not quotes).
 */
function singleQuotedEnd(text: string, start: number): number {
  if (start > 0 && isWordCharacter(text.charCodeAt(start - 1))) return -1;
  for (let index = start + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === APOSTROPHE) return isWordCharacter(codeAt(text, index + 1)) ? -1 : index + 1;
    if (code === NEWLINE) return -1;
    if (code === BACKSLASH) index += 1;
  }
  return -1;
}

/** End of the value of `key=value` starting at `start` (up to whitespace, `,` or `;`), or -1. */
function keyValueEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 44 || code === 59 || isRegexWhitespace(code)) break;
    index += 1;
  }
  return index > start ? index : -1;
}

/** End of a UUID `8-4-4-4-12` hex starting at `start` and not followed by a letter or digit, or -1. */
function uuidEnd(text: string, start: number): number {
  let index = start;
  for (const length of [8, 4, 4, 4, 12]) {
    if (index > start) {
      if (codeAt(text, index) !== DASH) return -1;
      index += 1;
    }
    for (let end = index + length; index < end; index += 1)
      if (!isHex(codeAt(text, index))) return -1;
  }
  return isAlphanumeric(codeAt(text, index)) ? -1 : index;
}

/**
 * End of an IPv6 address starting at `start`, or -1: eight groups of 1-4 hex
 * digits, or one `::` with at most seven groups on each side; not preceded
 * (checked by the caller) or followed by a letter, digit or `:`.
 */
function ipv6End(text: string, start: number): number {
  let index = start;
  let groupsBefore = 0;
  let groupsAfter = 0;
  let compressed = false;
  for (;;) {
    const digits = hexRun(text, index);
    if (digits > 4) return -1;
    if (digits > 0) {
      if (compressed) groupsAfter += 1;
      else groupsBefore += 1;
      index += digits;
    }
    if (codeAt(text, index) !== COLON) {
      if (digits === 0 && !compressed) return -1;
      break;
    }
    if (codeAt(text, index + 1) === COLON) {
      if (compressed) return -1;
      compressed = true;
      index += 2;
      if (!isHex(codeAt(text, index))) break;
    } else {
      if (digits === 0 || !isHex(codeAt(text, index + 1))) return -1;
      index += 1;
    }
  }
  const next = codeAt(text, index);
  if (isAlphanumeric(next) || next === COLON) return -1;
  if (compressed) return groupsBefore <= 7 && groupsAfter <= 7 ? index : -1;
  return groupsBefore === 8 ? index : -1;
}

/**
 * True when a number may end before `code`, the character at `index` (-1 at
 * the end): it is not a letter or digit, nor `.` followed by a digit.
 */
function numberMayEndBefore(code: number, text: string, index: number): boolean {
  return !isAlphanumeric(code) && !(code === DOT && isDigit(codeAt(text, index + 1)));
}

/** True when a number may end at `index`: no letter or digit follows, nor `.` and a digit. */
function numberMayEndAt(text: string, index: number): boolean {
  return numberMayEndBefore(codeAt(text, index), text, index);
}

/** End of `1-3 digits` x4 separated by `.`, with an optional `:port` of 1-5 digits, or -1. */
function ipv4End(text: string, start: number): number {
  let index = start;
  for (let group = 0; group < 4; group += 1) {
    if (group > 0) {
      if (codeAt(text, index) !== DOT) return -1;
      index += 1;
    }
    const groupStart = index;
    while (index - groupStart < 3 && isDigit(codeAt(text, index))) index += 1;
    if (index === groupStart) return -1;
  }
  if (codeAt(text, index) === COLON) {
    let portEnd = index + 1;
    while (portEnd - index <= 5 && isDigit(codeAt(text, portEnd))) portEnd += 1;
    if (portEnd - index >= 2 && portEnd - index <= 6 && numberMayEndAt(text, portEnd))
      return portEnd;
  }
  return numberMayEndAt(text, index) ? index : -1;
}

/**
 * End of a number (digits, `.digits` groups) with an optional unit suffix
 * whose leading digits end at `integerEnd` (found by the caller, who also
 * read the character there: `atIntegerEnd`, -1 at the end), or -1. The
 * character after each part is carried to the next test, not read again.
 */
function numberEnd(text: string, integerEnd: number, atIntegerEnd: number): number {
  let index = integerEnd;
  let code = atIntegerEnd;
  while (code === DOT && isDigit(codeAt(text, index + 1))) {
    index += 2;
    code = codeAt(text, index);
    while (isDigit(code)) {
      index += 1;
      code = codeAt(text, index);
    }
  }
  if (code === PERCENT && numberMayEndAt(text, index + 1)) return index + 1;
  if (
    (code === MICRO || code === GREEK_MU) &&
    (codeAt(text, index + 1) | 32) === 115 &&
    numberMayEndAt(text, index + 2)
  )
    return index + 2;
  if (isLetter(code)) {
    let unitEnd = index + 1;
    code = codeAt(text, unitEnd);
    while (isLetter(code)) {
      unitEnd += 1;
      code = codeAt(text, unitEnd);
    }
    if (unitEnd - index > 5 || !NUMBER_UNITS.has(text.slice(index, unitEnd).toLowerCase()))
      return -1;
    index = unitEnd;
  }
  return numberMayEndBefore(code, text, index) ? index : -1;
}

/**
 * End of the variable token that starts at `start` (an alphanumeric run
 * `[start, runEnd)` not preceded by a letter or digit), or -1. Tried in
 * order: UUID, IPv6, IPv4, `0x` hex, 8+ hex digits, number with unit. The
 * caller has read the run: `runKinds` is the bitwise AND of the
 * `CHARACTER_KINDS` of its characters, `first` its first character and
 * `next` the one after it (-1 at the end), so they are not read again.
 */
function tokenEnd(
  text: string,
  start: number,
  runEnd: number,
  runKinds: number,
  first: number,
  next: number,
): number {
  const runLength = runEnd - start;
  const hexOnly = (runKinds & HEX_KIND) !== 0;
  if (hexOnly) {
    if (runLength === 8 && next === DASH) {
      const end = uuidEnd(text, start);
      if (end !== -1) return end;
    }
    if (runLength <= 4 && next === COLON && codeBefore(text, start) !== COLON) {
      const end = ipv6End(text, start);
      if (end !== -1) return end;
    }
  }
  if (!isDigit(first)) return hexOnly && runLength >= 8 ? runEnd : -1;
  // Read only here: a word of hex letters (`added`, `face`) needs no character before it.
  const afterDot = codeBefore(text, start) === DOT;
  if (!afterDot && runLength <= 3 && next === DOT) {
    const end = ipv4End(text, start);
    if (end !== -1) return end;
  }
  if (first === 48 && (codeAt(text, start + 1) | 32) === 120 && runLength > 2) {
    if (hexRun(text, start + 2) === runLength - 2) return runEnd;
  }
  if (hexOnly && runLength >= 8) return runEnd;
  if (afterDot) return -1;
  // An all-digit run's digits end where the run ends; otherwise find the first non-digit.
  let integerEnd = runEnd;
  let atIntegerEnd = next;
  if ((runKinds & DIGIT_KIND) === 0) {
    integerEnd = start + 1;
    atIntegerEnd = text.charCodeAt(integerEnd);
    while (isDigit(atIntegerEnd)) {
      integerEnd += 1;
      atIntegerEnd = text.charCodeAt(integerEnd);
    }
  }
  return numberEnd(text, integerEnd, atIntegerEnd);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const LESS_THAN = 60;
const ASTERISK = 42;
const GREATER_THAN = 62;

/** FNV-1a (32 bits) of the placeholder `<*>` continued from `hash`. */
function hashPlaceholder(hash: number): number {
  return Math.imul(
    Math.imul(Math.imul(hash ^ LESS_THAN, FNV_PRIME) ^ ASTERISK, FNV_PRIME) ^ GREATER_THAN,
    FNV_PRIME,
  );
}

/**
 * Where the variable tokens of a message are: `[start, end)` code-unit
 * ranges, in order and not overlapping, in a growable Int32Array (range i is
 * `ranges[2i]`, `ranges[2i + 1]`), plus the message's template itself as
 * code units and its FNV-1a hash (32 bits, over those code units). Reused
 * from message to message, so scanning allocates nothing (but to grow).
 */
export class TokenRanges {
  /** Start and end of each range, interleaved. */
  ranges: Int32Array = new Int32Array(64);
  /** Number of ranges found by the last `findVariableTokens`. */
  count = 0;
  /**
   * The template's UTF-16 code units in `[0, templateLength)`: the message
   * with each range written as `<*>`. Written while the message is read, so
   * a template seen before is recognised by comparing two typed arrays
   * rather than by reading the message's text again.
   */
  templateCodes: Uint16Array = new Uint16Array(256);
  /** `templateCodes` read two code units at a time (the same memory); the unit after the template is 0. */
  templateWords: Uint32Array = new Uint32Array(this.templateCodes.buffer);
  /** FNV-1a 32-bit hash of the template (of `templateCodes`). */
  templateHash = 0;
  /** Length of the template in UTF-16 code units. */
  templateLength = 0;
  /**
   * True when the message holds a character that `cleanMessage` removes (C0
   * but `\t` and `\n`, DEL, C1): then it was not a cleaned message, and the
   * ranges are not its template's.
   */
  hasControlCharacter = false;

  /** Appends `[start, end)`. */
  push(start: number, end: number): void {
    const offset = this.count * 2;
    if (offset + 2 > this.ranges.length) {
      const grown = new Int32Array(this.ranges.length * 2);
      grown.set(this.ranges);
      this.ranges = grown;
    }
    this.ranges[offset] = start;
    this.ranges[offset + 1] = end;
    this.count += 1;
  }
}

/** Writes `<*>` at `offset` of `codes`. */
function writePlaceholder(codes: Uint16Array, offset: number): void {
  codes[offset] = LESS_THAN;
  codes[offset + 1] = ASTERISK;
  codes[offset + 2] = GREATER_THAN;
}

/**
 * Finds the variable tokens of `message` (the rules of `messageTemplate`)
 * and stores their ranges, the template's code units, hash and length in
 * `tokens` (its previous content is dropped). One pass that reads each
 * character of the text between tokens once: the character that ends a run
 * of letters and digits is carried to the next step, not read again.
 */
export function findVariableTokens(message: string, tokens: TokenRanges): void {
  tokens.count = 0;
  tokens.hasControlCharacter = false;
  const length = message.length;
  // A template is at most three times as long as its message (a one-character token becomes `<*>`).
  if (tokens.templateCodes.length < length * 3 + 1) {
    tokens.templateCodes = new Uint16Array(2 * (((length * 3) >> 1) + 1));
    tokens.templateWords = new Uint32Array(tokens.templateCodes.buffer);
  }
  const codes = tokens.templateCodes;
  let written = 0;
  let hash = FNV_OFFSET;
  let index = 0;
  // The character at `index` (-1 at the end), read by the step that moved there.
  let code = codeAt(message, 0);
  while (index < length) {
    const kind = characterKind(code);
    if (kind === 0) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      codes[written] = code;
      written += 1;
      index += 1;
      code = codeAt(message, index);
      continue;
    }
    let end = -1;
    if ((kind & ALPHANUMERIC_KIND) !== 0) {
      let runHash = Math.imul(hash ^ code, FNV_PRIME);
      codes[written] = code;
      let runEnd = index + 1;
      let runKinds = kind;
      let next = -1;
      for (; runEnd < length; runEnd += 1) {
        const runCode = message.charCodeAt(runEnd);
        const runKind = runCode < 128 ? (CHARACTER_KINDS[runCode] as number) : 0;
        if ((runKind & ALPHANUMERIC_KIND) === 0) {
          next = runCode;
          break;
        }
        runKinds &= runKind;
        runHash = Math.imul(runHash ^ runCode, FNV_PRIME);
        codes[written + runEnd - index] = runCode;
      }
      if ((kind & DIGIT_KIND) !== 0 || (runKinds & HEX_KIND) !== 0)
        end = tokenEnd(message, index, runEnd, runKinds, code, next);
      if (end === -1) {
        hash = runHash;
        written += runEnd - index;
        index = runEnd;
        code = next;
        continue;
      }
    } else if (code === QUOTE) {
      end = doubleQuotedEnd(message, index);
    } else if (code === APOSTROPHE) {
      end = singleQuotedEnd(message, index);
    } else if (code === EQUALS) {
      const valueStart = index + 1;
      const valueCode = codeAt(message, valueStart);
      if (
        index > 0 &&
        isKeyCharacter(message.charCodeAt(index - 1)) &&
        !(valueCode === QUOTE && doubleQuotedEnd(message, valueStart) !== -1) &&
        !(valueCode === APOSTROPHE && singleQuotedEnd(message, valueStart) !== -1)
      ) {
        end = keyValueEnd(message, valueStart);
        if (end !== -1) {
          if (hasControlCharacter(message, valueStart, end)) tokens.hasControlCharacter = true;
          tokens.push(valueStart, end);
          hash = hashPlaceholder(Math.imul(hash ^ code, FNV_PRIME));
          codes[written] = code;
          writePlaceholder(codes, written + 1);
          written += 1 + TEMPLATE_PLACEHOLDER.length;
          index = end;
          code = codeAt(message, index);
          continue;
        }
      }
    } else if (kind === CONTROL_KIND) {
      tokens.hasControlCharacter = true;
    } else if (codeAt(message, index + 1) === COLON) {
      const previous = codeBefore(message, index);
      if (!isAlphanumeric(previous) && previous !== COLON) end = ipv6End(message, index);
    }
    if (end === -1) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      codes[written] = code;
      written += 1;
      index += 1;
      code = codeAt(message, index);
      continue;
    }
    // Quoted strings are skipped whole: look inside them for control characters.
    if ((code === QUOTE || code === APOSTROPHE) && hasControlCharacter(message, index, end))
      tokens.hasControlCharacter = true;
    tokens.push(index, end);
    hash = hashPlaceholder(hash);
    writePlaceholder(codes, written);
    written += TEMPLATE_PLACEHOLDER.length;
    index = end;
    code = codeAt(message, index);
  }
  codes[written] = 0;
  tokens.templateHash = hash;
  tokens.templateLength = written;
}

/** `message` with the ranges of `tokens` replaced by `<*>` (`message` itself when there are none). */
export function templateFromTokens(message: string, tokens: TokenRanges): string {
  const count = tokens.count;
  if (count === 0) return message;
  const ranges = tokens.ranges;
  let result = "";
  let copied = 0;
  for (let range = 0; range < count; range += 1) {
    result += message.slice(copied, ranges[range * 2] as number) + TEMPLATE_PLACEHOLDER;
    copied = ranges[range * 2 + 1] as number;
  }
  return result + message.slice(copied);
}

/** Template code units `messageTemplate` keeps room for between calls (3 per character of an 8192-character message). */
const KEPT_TEMPLATE_CODES = 3 * 8192 + 2;

let scratchTokens = new TokenRanges();

/**
 * The template of a message: every variable token replaced by `<*>`
 * (SPEC section 4). Tokens, found left to right (the first rule that matches
 * at a position wins, and scanning resumes after the token):
 * - a double-quoted string (`"..."`, backslash escapes), or a single-quoted
 *   one not glued to a word character (so `can't` is not a quote);
 * - the value of `key=value` (key ends in `[A-Za-z0-9_.-]`; value up to
 *   whitespace, `,` or `;`, or a quoted string);
 * - starting where no ASCII letter or digit precedes: a UUID; an IPv6
 *   address (8 groups, or with `::`; not after `:`); an IPv4 address with
 *   optional `:port`; `0x` hex; a run of 8+ hex digits; a number (`42`,
 *   `1.5`, `1.2.3`) with an optional unit (`ms`, `s`, `min`, `h`, `kb`, `%`,
 *   ... see `NUMBER_UNITS`); IPv4 and numbers also not after `.`. Tokens must
 *   not be followed by a letter or digit.
 * So `user42`, `ipv4`, `utf8`, `5xx` stay while `blk_38865049064139660`
 * becomes `blk_<*>`. `"user 42 logged in from 10.0.0.1 in 35ms"` ->
 * `"user <*> logged in from <*> in <*>"`. A hand scanner (one pass, no
 * regex); a template is its own template.
 */
export function messageTemplate(message: string): string {
  findVariableTokens(message, scratchTokens);
  const template = templateFromTokens(message, scratchTokens);
  // A very long message grew the scan's buffers: let them go rather than keep them.
  if (scratchTokens.templateCodes.length > KEPT_TEMPLATE_CODES) scratchTokens = new TokenRanges();
  return template;
}
