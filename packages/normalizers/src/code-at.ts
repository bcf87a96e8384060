/**
 * The UTF-16 code unit of `text` at `index`, or -1 past the end. The hand
 * scanners read one character ahead of a token; `charCodeAt` past the end
 * returns NaN, and V8 then deoptimizes the scanner and recompiles it with a
 * slower floating-point path, so every read that may pass the end goes
 * through here. `index` must not be negative.
 */
export function codeAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : -1;
}
