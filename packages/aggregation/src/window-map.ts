import { type AggregatedLogWindow, AggregationError, type EpochMillis } from "@logfeat/schema";
import { compareWindows, windowKey } from "./window-key.js";

/**
 * The windows of an aggregation: an ordered, read-only map keyed by
 * (window_start, service), iterated by window_start then service whatever the
 * input order. Keys are `windowKey(windowStart, service)` strings.
 *
 * - `get(windowStart, service)` / `has(...)` look up one window;
 * - `size` is the number of windows;
 * - `values()` returns a new array of the windows, `keys()` a new array of
 *   keys, `entries()` a new array of `[key, window]` pairs, all in order;
 * - iterating a WindowMap (`for (const window of windows)`) yields the
 *   windows themselves (not pairs, unlike `Map`);
 * - the windows are also the map's own enumerable properties, keyed by
 *   `windowKey`, so `Object.values(windows)`, `Object.keys(windows)` and
 *   `windows["2025-02-07T10:15:00.000Z|api"]` work too, in the same order.
 */
export class WindowMap implements Iterable<AggregatedLogWindow> {
  readonly [key: `${string}|${string}`]: AggregatedLogWindow;
  readonly #windows: AggregatedLogWindow[];
  readonly #byKey = new Map<string, AggregatedLogWindow>();

  /**
   * Builds a map from windows in any order (they are sorted). Throws
   * AggregationError when two windows share a (window_start, service); merge
   * those with `mergeWindows` first.
   */
  constructor(windows: Iterable<AggregatedLogWindow> = []) {
    this.#windows = [...windows].sort(compareWindows);
    for (const window of this.#windows) {
      const key = windowKey(window.window_start, window.service);
      if (this.#byKey.has(key))
        throw new AggregationError(
          "windows",
          key,
          "at most one window per (window_start, service)",
        );
      this.#byKey.set(key, window);
      Object.defineProperty(this, key, { value: window, enumerable: true });
    }
  }

  /** Number of windows. */
  get size(): number {
    return this.#windows.length;
  }

  /** The window of `service` starting at `windowStart`, or undefined. */
  get(windowStart: EpochMillis, service: string): AggregatedLogWindow | undefined {
    return this.#byKey.get(windowKey(windowStart, service));
  }

  /** True when there is a window of `service` starting at `windowStart`. */
  has(windowStart: EpochMillis, service: string): boolean {
    return this.#byKey.has(windowKey(windowStart, service));
  }

  /** The windows in order (a new array). */
  values(): AggregatedLogWindow[] {
    return [...this.#windows];
  }

  /** The keys in order (a new array). */
  keys(): string[] {
    return [...this.#byKey.keys()];
  }

  /** `[key, window]` pairs in order (a new array). */
  entries(): [string, AggregatedLogWindow][] {
    return [...this.#byKey.entries()];
  }

  /** Iterates the windows in order. */
  [Symbol.iterator](): Iterator<AggregatedLogWindow> {
    return this.#windows[Symbol.iterator]();
  }
}
