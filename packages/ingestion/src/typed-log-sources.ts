import type { CsvRawRecord, JsonRawRecord, TextRawRecord } from "@logfeat/schema";
import type { LogInput } from "./log-input.js";
import {
  type CsvSourceOptions,
  type JsonSourceOptions,
  OPTION_KEYS,
  type TextSourceOptions,
} from "./options.js";
import { StreamingLogSource } from "./streaming-log-source.js";

/**
 * Text records (one per non-blank line, continuation lines joined when
 * `multiline`, default true) from a path, `"-"`, a stream or in-memory
 * input. Throws a LogSourceError at construction for a missing file and a
 * ConfigError for a bad option.
 */
export class TextLogSource extends StreamingLogSource<TextRawRecord> {
  constructor(input: LogInput, options?: TextSourceOptions) {
    super(input, options, "text", OPTION_KEYS.text);
  }
}

/**
 * JSON records from JSON Lines or a top-level JSON array of objects
 * (streamed). Throws like TextLogSource.
 */
export class JSONLogSource extends StreamingLogSource<JsonRawRecord> {
  constructor(input: LogInput, options?: JsonSourceOptions) {
    super(input, options, "json", OPTION_KEYS.json);
  }
}

/**
 * CSV records (header row -> keys) through papaparse; `delimiter` defaults
 * to tab for `.tsv`, else is detected. Throws like TextLogSource.
 */
export class CSVLogSource extends StreamingLogSource<CsvRawRecord> {
  constructor(input: LogInput, options?: CsvSourceOptions) {
    super(input, options, "csv", OPTION_KEYS.csv);
  }
}
