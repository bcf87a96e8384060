const encoder = new TextEncoder();
let scratch = new Uint8Array(1024);

/**
 * 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 lower-case hex digits.
 *
 * Algorithm: FNV-1a 64 (offset basis 0xcbf29ce484222325, prime
 * 0x100000001b3) over the UTF-8 encoding of the string (a lone surrogate is
 * encoded as U+FFFD, as `TextEncoder` does). The 64-bit state is kept in four
 * 16-bit limbs so the arithmetic is exact in JavaScript numbers. The result
 * equals any standard FNV-1a 64 implementation over the same bytes (e.g.
 * `messageHash("") === "cbf29ce484222325"`, `messageHash("a") ===
 * "af63dc4c8601ec8c"`), so it is stable across runs, platforms and languages.
 */
export function messageHash(text: string): string {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const bytes = scratch;
  const length = encoder.encodeInto(text, bytes).written;
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let index = 0; index < length; index += 1) {
    h0 ^= bytes[index] as number;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return hex16((h3 << 16) | h2, (h1 << 16) | h0);
}

const HEX_DIGITS = Array.from("0123456789abcdef", (digit) => digit.charCodeAt(0));

/** 16 lower-case hex digits of a 64-bit value given as two 32-bit halves (no `toString(16)`: it is slow). */
function hex16(high: number, low: number): string {
  const digit = (value: number, shift: number): number =>
    HEX_DIGITS[(value >>> shift) & 15] as number;
  return String.fromCharCode(
    digit(high, 28),
    digit(high, 24),
    digit(high, 20),
    digit(high, 16),
    digit(high, 12),
    digit(high, 8),
    digit(high, 4),
    digit(high, 0),
    digit(low, 28),
    digit(low, 24),
    digit(low, 20),
    digit(low, 16),
    digit(low, 12),
    digit(low, 8),
    digit(low, 4),
    digit(low, 0),
  );
}
