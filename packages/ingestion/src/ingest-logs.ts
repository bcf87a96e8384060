import type { LogInput } from "./log-input.js";
import { type IngestOptions, OPTION_KEYS } from "./options.js";
import { type LogSource, StreamingLogSource } from "./streaming-log-source.js";

/**
 * Streams the RawRecords of a log input: a file path (`.gz` gunzipped),
 * `"-"` (stdin), a Node Readable, a Uint8Array or `{ text }`. The format is
 * `options.format`, else the file extension, else sniffed from the first
 * bytes. Throws at call time only for a bad option (ConfigError) or an
 * unreadable file (LogSourceError naming the path); bad data becomes
 * diagnostics in `accounting()`.
 */
export function ingestLogs(input: LogInput, options?: IngestOptions): LogSource {
  return new StreamingLogSource(input, options, "auto", OPTION_KEYS.auto);
}
