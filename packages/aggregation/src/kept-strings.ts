import { detachString } from "@logfeat/schema";

/** Distinct strings remembered before the pool starts over (bounded memory; results never change). */
const POOL_CAPACITY = 65_536;

const pool = new Map<string, string>();

/**
 * A detached copy of `text` (see `detachString`) shared by every window that
 * keeps the same value: message hashes and error codes repeat across
 * thousands of windows, and one copy each is enough. A memo of a pure
 * function: once it holds POOL_CAPACITY strings it starts over.
 */
export function keptString(text: string): string {
  let kept = pool.get(text);
  if (kept === undefined) {
    if (pool.size >= POOL_CAPACITY) pool.clear();
    kept = detachString(text);
    pool.set(kept, kept);
  }
  return kept;
}
