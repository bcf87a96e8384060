const NON_WHITESPACE = /\S/;

/**
 * True for a whitespace-only (or empty) line: such lines are not records
 * (SPEC section 3) and are skipped silently. Fast for the usual line, which
 * starts with a visible ASCII character.
 */
export function isBlankLine(line: string): boolean {
  if (line.length === 0) return true;
  const first = line.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return !NON_WHITESPACE.test(line);
}
