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
