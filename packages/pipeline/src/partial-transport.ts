import type { AggregatedLogWindow, LogEntry } from "@logfeat/schema";
import type { ChunkPartial } from "./chunk-partial.js";
import {
  decodeLogEntries,
  type EncodedLogEntries,
  encodeLogEntries,
  entryTransferables,
} from "./log-entry-codec.js";

/** A window of a transported partial: its logs as a range of the partial's encoded entries, or as they are. */
interface TransportWindow extends Omit<AggregatedLogWindow, "logs"> {
  readonly logs: { readonly from: number; readonly to: number } | LogEntry[] | null;
}

/**
 * A ChunkPartial as a worker thread posts it: the windows' logs, when
 * retained, travel as one `EncodedLogEntries` (typed arrays transferred)
 * instead of one cloned object per entry. `decodePartial` rebuilds the
 * ChunkPartial.
 */
export interface PartialMessage extends Omit<ChunkPartial, "windows"> {
  readonly windows: TransportWindow[];
  readonly entries: EncodedLogEntries | null;
}

/**
 * The message to post for a partial, and the buffers to transfer with it.
 * When an entry cannot be encoded (see `encodableEntry`) the windows travel
 * as they are.
 */
export function encodePartial(partial: ChunkPartial): {
  message: PartialMessage;
  transfer: ArrayBuffer[];
} {
  const logs: LogEntry[] = [];
  const windows: TransportWindow[] = partial.windows.map((window) => {
    const windowLogs = window.logs;
    if (windowLogs === null) return window;
    const from = logs.length;
    for (const entry of windowLogs) logs.push(entry);
    return { ...window, logs: { from, to: logs.length } };
  });
  const entries = logs.length === 0 ? null : encodeLogEntries(logs);
  if (entries === null)
    return { message: { ...partial, windows: partial.windows, entries: null }, transfer: [] };
  return { message: { ...partial, windows, entries }, transfer: entryTransferables(entries) };
}

/** The ChunkPartial of a posted message (entries equal to those that were encoded). */
export function decodePartial(message: PartialMessage): ChunkPartial {
  const { entries, windows, ...rest } = message;
  return {
    ...rest,
    windows: windows.map((window): AggregatedLogWindow => {
      const logs = window.logs;
      if (logs === null || Array.isArray(logs)) return window as AggregatedLogWindow;
      const range = logs as { from: number; to: number };
      return {
        ...window,
        logs: decodeLogEntries(entries as EncodedLogEntries, range.from, range.to),
      };
    }),
  };
}
