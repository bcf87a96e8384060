const HEX = "[0-9a-f]";
/**
 * The masking rules written as one regular expression: the reference the
 * hand scanner of `messageTemplate` must agree with.
 */
export const REFERENCE_TOKEN = new RegExp(
  [
    String.raw`"(?:[^"\\]|\\.)*"`,
    String.raw`(?<![a-z0-9_])'(?:[^'\\\n]|\\.)*'(?![a-z0-9_])`,
    String.raw`(?<=[a-z0-9_.\-]=)[^\s,;]+`,
    `(?<![a-z0-9])${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}(?![a-z0-9])`,
    `(?<![a-z0-9:])(?:${HEX}{1,4}:){7}${HEX}{1,4}(?![a-z0-9:])`,
    `(?<![a-z0-9:])(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?::(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?(?![a-z0-9:])`,
    String.raw`(?<![a-z0-9.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![a-z0-9]|\.\d)`,
    `(?<![a-z0-9])0x${HEX}+(?![a-z0-9])`,
    `(?<![a-z0-9])${HEX}{8,}(?![a-z0-9])`,
    String.raw`(?<![a-z0-9.])\d+(?:\.\d+)*(?:ns|us|µs|ms|sec|s|min|m|h|d|kib|mib|gib|tib|kb|mb|gb|tb|bytes|b|%)?(?![a-z0-9]|\.\d)`,
  ].join("|"),
  "gis",
);
