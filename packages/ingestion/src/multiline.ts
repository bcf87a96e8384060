import { isBlankLine } from "./blank-line.js";
import { RECORD_HEAD_LENGTH } from "./record-size.js";

/**
 * How a line relates to the record before it, in multiline mode:
 * - `record`: starts a new record;
 * - `continuation`: appended to the previous record;
 * - `traceback_start`: a continuation that opens a Python traceback;
 * - `traceback_end`: a continuation that closes it (the `XxxError: msg` line).
 */
export type LineKind = "record" | "continuation" | "traceback_start" | "traceback_end";

/**
 * Unindented lines that continue the previous record, whatever came before
 * (indented lines always continue it). The first characters they can start
 * with index them, so most lines are tested against none or one pattern.
 */
const CONTINUATION_RULES: readonly { firstCharacters: string; pattern: RegExp }[] = [
  // Java / JavaScript stack frame without its indentation: `at com.x.Y.m(Y.java:42)`, `at f (file.js:1:2)`.
  { firstCharacters: "a", pattern: /^at (?:async )?[^\s(]+ ?\(.*\)$/ },
  // JavaScript stack frame without a function name: `at /app/index.js:10:5`.
  { firstCharacters: "a", pattern: /^at (?:async )?\S+:\d+:\d+$/ },
  // Java chained and suppressed exceptions.
  { firstCharacters: "C", pattern: /^Caused by: / },
  { firstCharacters: "S", pattern: /^Suppressed: / },
  // Java elided frames: `... 12 more`, `... 5 common frames omitted`.
  { firstCharacters: ".", pattern: /^\.\.\. \d+ (?:more|common frames omitted)$/ },
  // Java exception header: `java.lang.IllegalStateException: boom` (package-qualified class name).
  {
    firstCharacters: "abcdefghijklmnopqrstuvwxyz_$",
    pattern: /^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::.*)?$/,
  },
  // Python chained tracebacks.
  {
    firstCharacters: "D",
    pattern: /^During handling of the above exception, another exception occurred:$/,
  },
  {
    firstCharacters: "T",
    pattern: /^The above exception was the direct cause of the following exception:$/,
  },
];

/** A Python traceback header. */
const TRACEBACK_START = /^Traceback \(most recent call last\):$/;

/** The last line of a Python traceback: `ValueError: bad`, `pkg.mod.CustomError`, `KeyboardInterrupt`. */
const TRACEBACK_END = /^[A-Za-z_][\w.]*(?::.*)?$/;

const RULES_BY_FIRST_CHARACTER: readonly (readonly RegExp[] | undefined)[] = (() => {
  const table: RegExp[][] = [];
  for (const { firstCharacters, pattern } of CONTINUATION_RULES)
    for (const character of firstCharacters) {
      const code = character.charCodeAt(0);
      table[code] ??= [];
      table[code].push(pattern);
    }
  return table;
})();

/**
 * For each ASCII code, 1 when a line starting with it can be a continuation
 * outside a traceback (whitespace, or the first character of a rule or of
 * `Traceback`), else 0: most log lines start with a digit or `[` and are
 * known to start a record from this table alone.
 */
const MAY_CONTINUE: Uint8Array = (() => {
  const table = new Uint8Array(128);
  table[32] = 1;
  table[9] = 1;
  table[84] = 1;
  RULES_BY_FIRST_CHARACTER.forEach((rules, code) => {
    if (rules !== undefined && code < 128) table[code] = 1;
  });
  return table;
})();

/**
 * True when a line starting with character code `first` starts a new record
 * for sure (outside a traceback): a visible ASCII character no rule starts with.
 */
export function surelyStartsRecord(first: number): boolean {
  return first > 32 && first < 127 && MAY_CONTINUE[first] === 0;
}

/**
 * True when a line starts a new record whatever came before it (a part of a
 * file can start there, see `planByteRanges`): it is not blank and it is a
 * `record` outside a traceback (inside one it is a `record` or the
 * `traceback_end`: either way no traceback is open after it). An over-long
 * line is classified by its first RECORD_HEAD_LENGTH characters, so a longer
 * line must be a `record` both whole and by its head.
 */
export function alwaysStartsRecord(line: string): boolean {
  if (isBlankLine(line) || classifyLine(line, false) !== "record") return false;
  return (
    line.length <= RECORD_HEAD_LENGTH ||
    classifyLine(line.slice(0, RECORD_HEAD_LENGTH), false) === "record"
  );
}

/**
 * Classifies a non-blank line. `tracebackOpen` says whether the previous
 * record has an unfinished Python traceback (a `Traceback (most recent call
 * last):` line not yet followed by its final exception line).
 */
export function classifyLine(line: string, tracebackOpen: boolean): LineKind {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) return "continuation";
  const rules = RULES_BY_FIRST_CHARACTER[first];
  if (rules !== undefined) for (const rule of rules) if (rule.test(line)) return "continuation";
  if (first === 84 && TRACEBACK_START.test(line)) return "traceback_start";
  if (tracebackOpen && TRACEBACK_END.test(line)) return "traceback_end";
  return "record";
}
