import type { ParsedLog } from "@logfeat/schema";

/** Longest tail of a message searched for a duration suffix. */
const TAIL_LENGTH = 48;

const SUFFIX =
  /(?:\((\d+(?:\.\d+)?) ?(ns|us|µs|ms|s|min|m|h)\)|\btook (\d+(?:\.\d+)?) ?(ns|us|µs|ms|s|min|m|h))\.?$/;

/** The field name a suffix duration is reported under (`duration_field`). */
export const SUFFIX_DURATION_FIELD = "duration";

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
  const last = text.charCodeAt(text.length - 1);
  // `)`, `.`, or a lower-case letter (units are lower case).
  if (last !== 41 && last !== 46 && !(last >= 97 && last <= 122)) return;
  const tail = text.length > TAIL_LENGTH ? text.slice(-TAIL_LENGTH) : text;
  const match = SUFFIX.exec(tail);
  if (match === null) return;
  parsed.duration = match[1] === undefined ? `${match[3]}${match[4]}` : `${match[1]}${match[2]}`;
  parsed.duration_field = SUFFIX_DURATION_FIELD;
}
