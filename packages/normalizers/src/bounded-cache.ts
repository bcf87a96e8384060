import { codeAt } from "./code-at.js";

/** Slots of the direct-mapped front of a BoundedCache (a power of two). */
const FRONT_SLOTS = 64;

/** The front slot of a key: from its length and its first and last characters. */
function frontSlot(key: string): number {
  const length = key.length;
  if (length === 0) return 0;
  return (length + 31 * key.charCodeAt(0) + 7 * codeAt(key, length - 1)) & (FRONT_SLOTS - 1);
}

/**
 * A cache of a pure function of strings: a Map that forgets everything once
 * it holds `capacity` entries (O(1), no per-hit bookkeeping, bounded memory),
 * behind a small direct-mapped front (one key per slot, picked by the key's
 * length and end characters). Keys come fresh from the parsers (substrings
 * whose hash V8 has not computed yet), and comparing a short key with the
 * slot's key is cheaper than hashing it for the Map; the Map is only asked
 * when the slot holds another key. Used for service names, which repeat.
 */
export class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>();
  private readonly capacity: number;
  private readonly frontKeys: (string | null)[] = new Array<string | null>(FRONT_SLOTS).fill(null);
  private readonly frontValues: (Value | null)[] = new Array<Value | null>(FRONT_SLOTS).fill(null);

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** The cached value, else `compute(key)` (cached for next time). */
  get(key: string, compute: (key: string) => Value): Value {
    const slot = frontSlot(key);
    if (this.frontKeys[slot] === key) return this.frontValues[slot] as Value;
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.entries.size >= this.capacity) this.entries.clear();
      this.entries.set(key, value);
    }
    this.frontKeys[slot] = key;
    this.frontValues[slot] = value;
    return value;
  }
}
