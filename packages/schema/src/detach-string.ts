/**
 * A copy of `text` that keeps no larger string alive. V8 may represent a
 * substring (`slice`, `trim`, a regex capture) as a view into its parent, so a
 * short value kept for long — a service name in a window, an error code in a
 * set, a diagnostic's value — can pin a whole 64 KiB input chunk in memory.
 * Call this once per distinct long-lived value (behind a cache), not per record.
 */
export function detachString(text: string): string {
  return text.length === 0 ? "" : (JSON.parse(JSON.stringify(text)) as string);
}
