/** Doubles the first slab holds (64 KiB); it grows to the largest call's need. */
const INITIAL_SLAB_LENGTH = 8192;

/**
 * The memory behind the `durations_ms` of the windows one aggregator call
 * emits, with the `reuseDurationBuffers` option: each finished window takes
 * the next values of one Float64Array (a view on it), and `reset`, at the
 * start of the next call, hands the same memory out again. When a call needs
 * more than is left, a larger array replaces it; the views already handed
 * out keep the old one, so every view of a call stays intact until a later
 * call. Saves allocating 8 bytes per duration, outside the JS heap, for
 * windows that are read and dropped at once.
 */
export class DurationSlab {
  private slab = new Float64Array(INITIAL_SLAB_LENGTH);
  private used = 0;

  /** Starts a call: the values handed out before may be overwritten from now on. */
  reset(): void {
    this.used = 0;
  }

  /** A view of `count` values (>= 0) not handed out since the last `reset`. */
  take(count: number): Float64Array<ArrayBuffer> {
    if (this.used + count > this.slab.length) {
      this.slab = new Float64Array(Math.max(2 * this.slab.length, count));
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + count);
    this.used += count;
    return view;
  }
}
