/** Character codes the text scanners look for. */
export const QUOTE = 34;
export const EQUALS = 61;
export const BACKSLASH = 92;

/** Class of a character that is neither whitespace nor a key character. */
export const OTHER = 0;
/** Class of space, tab, CR and LF. */
export const WHITESPACE = 1;
/** Class of the characters of a `key=value` key: `[A-Za-z0-9_.@-]`. */
export const KEY = 2;

const CLASSES = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const character = String.fromCharCode(code);
  if (character === " " || character === "\t" || character === "\n" || character === "\r")
    CLASSES[code] = WHITESPACE;
  else if (/[A-Za-z0-9_.@-]/.test(character)) CLASSES[code] = KEY;
}

/** `WHITESPACE`, `KEY` or `OTHER` for a UTF-16 code unit. */
export function classOf(code: number): number {
  return code < 128 ? (CLASSES[code] as number) : OTHER;
}

/** Space, tab, CR or LF. */
export function isSpace(code: number): boolean {
  return code <= 32 && (code === 32 || code === 9 || code === 10 || code === 13);
}

/**
 * What a regex `\s` and `String.prototype.trim` treat as whitespace: tab, LF,
 * VT, FF, CR, space, NBSP, the Unicode space separators, LS, PS and BOM.
 */
export function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
