import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortNarrowDurationsInto } from "../src/sort-narrow-durations.js";

/** The reference: the first `count` values as doubles, sorted by the typed array's own sort. */
function referenceSort(values: Uint16Array, count: number): Float64Array {
  return Float64Array.from(values.subarray(0, count)).sort();
}

function sortedCopy(values: Uint16Array, count: number): Float64Array {
  const target = new Float64Array(count + 3).fill(-1);
  sortNarrowDurationsInto(values, count, target);
  expect(Array.from(target.subarray(count))).toEqual([-1, -1, -1]);
  return target.subarray(0, count);
}

describe("sortNarrowDurationsInto", () => {
  it("sorts by insertion and by radix, duplicates and both byte halves included", () => {
    expect(Array.from(sortedCopy(Uint16Array.of(), 0))).toEqual([]);
    expect(Array.from(sortedCopy(Uint16Array.of(5, 3, 3, 65535, 0), 5))).toEqual([
      0, 3, 3, 5, 65535,
    ]);
    const many = Uint16Array.from({ length: 300 }, (_, index) => (index * 7919) % 65536);
    expect(sortedCopy(many, 300)).toEqual(referenceSort(many, 300));
    // 256 and 1 share a low byte; 255 and 511 share one too: the high-byte pass must order them.
    const sameLowBytes = Uint16Array.from({ length: 40 }, (_, index) =>
      index % 2 === 0 ? 256 * (40 - index) + 1 : 255 + 256 * (index % 5),
    );
    expect(sortedCopy(sameLowBytes, 40)).toEqual(referenceSort(sameLowBytes, 40));
  });

  it("sorts only the first `count` values and leaves the input as it was", () => {
    const values = Uint16Array.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 100, 200);
    expect(Array.from(sortedCopy(values, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(values)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 100, 200]);
  });

  it("equals the typed array sort on any 16-bit values, any count (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 3000 }),
        fc.nat(),
        (list, cut) => {
          const values = Uint16Array.from(list);
          const count = list.length === 0 ? 0 : cut % (list.length + 1);
          const before = Array.from(values);
          expect(sortedCopy(values, count)).toEqual(referenceSort(values, count));
          expect(Array.from(values)).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
