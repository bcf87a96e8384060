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
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
  return (limb | 0x10000).toString(16).slice(1);
}
