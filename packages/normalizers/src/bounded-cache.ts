/**
 * A Map that forgets everything once it holds `capacity` entries: O(1),
 * no per-hit bookkeeping, bounded memory. Used to reuse the results of pure
 * functions whose inputs repeat (service names, message templates).
 */
export class BoundedCache<Key, Value> {
  private readonly entries = new Map<Key, Value>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** The cached value, else `compute(key)` (cached for next time). */
  get(key: Key, compute: (key: Key) => Value): Value {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const value = compute(key);
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
