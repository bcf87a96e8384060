import type { AggregatedLogWindow } from "@logfeat/schema";
import type { WindowAligner } from "./window-alignment.js";
import { emptyWindow } from "./window-builder.js";

/**
 * Empty windows of `service` covering `[from, to)`, where `from` and `to` are
 * window boundaries of `aligner` (the end of one window, the start of a later
 * one). Appended to `into`.
 */
export function appendGapWindows(
  into: AggregatedLogWindow[],
  service: string,
  from: number,
  to: number,
  aligner: WindowAligner,
  retainLogs: boolean,
): void {
  let cursor = from;
  while (cursor < to) {
    const start = aligner.align(cursor);
    const end = aligner.end;
    into.push(emptyWindow(start, end, service, aligner.windowSizeSeconds, retainLogs));
    cursor = end;
  }
}
