import type { ParsedLog } from "@logfeat/schema";

/** Longest tail of a message searched for a duration suffix. */
const TAIL_LENGTH = 48;

/** The suffix: `(523ms)` or `took 1.5s`, optionally followed by `.`, at the very end. */
export const DURATION_SUFFIX =
  /(?:\((\d+(?:\.\d+)?) ?(ns|us|µs|ms|s|min|m|h)\)|\btook (\d+(?:\.\d+)?) ?(ns|us|µs|ms|s|min|m|h))\.?$/;

/** The field name a suffix duration is reported under (`duration_field`). */
export const SUFFIX_DURATION_FIELD = "duration";

const CLOSING_PARENTHESIS = 41;
const FULL_STOP = 46;
const SPACE = 32;
const MICRO_SIGN = 0xb5;
/** The longest unit, `min`. */
const MAX_UNIT_LENGTH = 3;

/**
 * False when `text` cannot end with a `DURATION_SUFFIX`, read from its last
 * few characters: a suffix ends (before an optional `.`) with `)`, or with
 * a digit, an optional space and a unit of 1 to 3 lower-case letters or `µ`.
 * True means only "maybe": the regex decides. Most messages end otherwise
 * (`... passed`, `... 6724 hits`), and this spares them the slice and the
 * regex search (about a tenth of the standard lines of the bench corpus).
 */
export function mayEndWithDurationSuffix(text: string): boolean {
  let position = text.length - 1;
  let code = text.charCodeAt(position);
  if (code === FULL_STOP) {
    position -= 1;
    code = text.charCodeAt(position);
  }
  if (code === CLOSING_PARENTHESIS) return true;
  let unitLength = 0;
  while (unitLength < MAX_UNIT_LENGTH && ((code >= 97 && code <= 122) || code === MICRO_SIGN)) {
    unitLength += 1;
    position -= 1;
    code = text.charCodeAt(position);
  }
  if (unitLength === 0) return false;
  if (code === SPACE) {
    position -= 1;
    code = text.charCodeAt(position);
  }
  return code >= 48 && code <= 57;
}

/**
 * Recognises a duration at the end of a message (before `end`, where its
 * trailing key=value pairs start): `(523ms)` or `took 1.5s` (optionally
 * followed by `.`), units `ns us µs ms s m min h`. Sets `duration` to the
 * number with its unit (`"523ms"`, `"1.5s"`) and `duration_field` to
 * `"duration"` when `parsed` has no duration yet. The message is left as it is.
 */
export function extractDurationSuffix(
  message: string,
  parsed: ParsedLog,
  end = message.length,
): void {
  if (parsed.duration !== undefined || end <= 0) return;
  let text = message;
  if (end < message.length) text = message.slice(0, end).trimEnd();
  if (!mayEndWithDurationSuffix(text)) return;
  const tail = text.length > TAIL_LENGTH ? text.slice(-TAIL_LENGTH) : text;
  const match = DURATION_SUFFIX.exec(tail);
  if (match === null) return;
  parsed.duration = match[1] === undefined ? `${match[3]}${match[4]}` : `${match[1]}${match[2]}`;
  parsed.duration_field = SUFFIX_DURATION_FIELD;
}
