/**
 * The correctly rounded sum of finite numbers (Shewchuk's algorithm, as in
 * Python's `math.fsum`): the exact sum rounded once to the nearest double, so
 * the result does not depend on the order of the values. Returns a
 * non-finite number (Infinity or NaN) when the exact sum is beyond the double
 * range.
 */
export function exactSum(values: ArrayLike<number>): number {
  const partials: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    let x = values[index] as number;
    let kept = 0;
    for (let partialIndex = 0; partialIndex < partials.length; partialIndex += 1) {
      let y = partials[partialIndex] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const swap = x;
        x = y;
        y = swap;
      }
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) {
        partials[kept] = low;
        kept += 1;
      }
      x = high;
    }
    partials.length = kept;
    partials.push(x);
  }
  return roundPartials(partials);
}

/** Sums non-overlapping partials (ascending magnitude) with one correct rounding, half to even. */
function roundPartials(partials: number[]): number {
  let count = partials.length;
  if (count === 0) return 0;
  count -= 1;
  let high = partials[count] as number;
  let low = 0;
  while (count > 0) {
    const x = high;
    count -= 1;
    const y = partials[count] as number;
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  if (count > 0) {
    const next = partials[count - 1] as number;
    if ((low < 0 && next < 0) || (low > 0 && next > 0)) {
      const twice = low * 2;
      const candidate = high + twice;
      if (twice === candidate - high) high = candidate;
    }
  }
  return high;
}
