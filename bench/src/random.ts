/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32):
 * the same seed gives the same sequence on every machine and Node version,
 * which `Math.random` does not.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private counter: number;
  private spareNormal: number | null = null;

  /** `seed`: any 32-bit integer (other numbers are truncated to one). */
  constructor(seed: number) {
    let state = seed >>> 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let mixed = state;
      mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
      mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
      return (mixed ^ (mixed >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.counter = 1;
    for (let warmUp = 0; warmUp < 12; warmUp++) this.nextUint32();
  }

  /** A uniform integer in [0, 2^32). */
  nextUint32(): number {
    const result = (((this.a + this.b) >>> 0) + this.counter) >>> 0;
    this.counter = (this.counter + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + result) >>> 0;
    return result;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, bound) (bound a positive integer below 2^32). */
  integer(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** One element of a non-empty list, uniformly. */
  pick<Item>(items: readonly Item[]): Item {
    return items[this.integer(items.length)] as Item;
  }

  /** A standard normal number (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** An exponential number with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    let text = "";
    while (text.length < length) text += this.nextUint32().toString(16).padStart(8, "0");
    return text.slice(0, length);
  }
}
