/**
 * True for the UTF-16 code units a regex `\s` and `String.prototype.trim`
 * treat as whitespace: tab, LF, VT, FF, CR, space, NBSP, U+1680, the
 * Unicode space separators U+2000-U+200A, LS, PS, U+202F, U+205F, U+3000
 * and the BOM. For scanners that walk a string by `charCodeAt` and must
 * agree with those built-ins; one comparison for most ASCII characters.
 */
export function isRegexWhitespace(code: number): boolean {
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
