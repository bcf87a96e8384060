const HEX = "[0-9a-f]";
const NOT_WORD_BEFORE = "(?<![a-z0-9])";
const NOT_WORD_AFTER = "(?![a-z0-9])";
const NUMBER_UNITS = "ns|us|\u00b5s|ms|sec|s|min|m|h|d|kib|mib|gib|tib|kb|mb|gb|tb|bytes|b|%";

/**
 * The variable tokens of a message, one alternative each, tried left to
 * right at every position (SPEC section 4):
 * quoted strings, `key=value` values, UUIDs, IPv6, IPv4 (with an optional
 * port), `0x` hex, runs of 8+ hex digits, and numbers (dotted or decimal)
 * with an optional unit suffix. Tokens must not be glued to a letter or
 * digit, so `user42`, `ipv4`, `utf8` stay as they are while `blk_123...`
 * becomes `blk_<*>`.
 */
const VARIABLE_TOKEN = new RegExp(
  [
    String.raw`"(?:[^"\\]|\\.)*"`,
    String.raw`(?<![a-z0-9_])'(?:[^'\\\n]|\\.)*'(?![a-z0-9_])`,
    String.raw`(?<=[a-z0-9_.\-]=)[^\s,;]+`,
    `${NOT_WORD_BEFORE}${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}${NOT_WORD_AFTER}`,
    `(?<![a-z0-9:])(?:${HEX}{1,4}:){7}${HEX}{1,4}(?![a-z0-9:])`,
    `(?<![a-z0-9:])(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?::(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?(?![a-z0-9:])`,
    String.raw`(?<![a-z0-9.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![a-z0-9]|\.\d)`,
    `${NOT_WORD_BEFORE}0x${HEX}+${NOT_WORD_AFTER}`,
    `${NOT_WORD_BEFORE}${HEX}{8,}${NOT_WORD_AFTER}`,
    String.raw`(?<![a-z0-9.])\d+(?:\.\d+)*(?:${NUMBER_UNITS})?(?![a-z0-9]|\.\d)`,
  ].join("|"),
  "gi",
);

/** The placeholder that replaces each variable token. */
export const TEMPLATE_PLACEHOLDER = "<*>";

/**
 * The template of a message: every variable token (UUIDs, `0x` hex and runs
 * of 8+ hex digits, IPv4/IPv6 addresses, numbers with an optional unit such
 * as `523ms` or `1.5s`, quoted strings, the values of `key=value`) replaced
 * by `<*>`. `"user 42 logged in from 10.0.0.1 in 35ms"` ->
 * `"user <*> logged in from <*> in <*>"`. Pure; the same message always
 * gives the same template.
 */
export function messageTemplate(message: string): string {
  return message.replace(VARIABLE_TOKEN, TEMPLATE_PLACEHOLDER);
}
