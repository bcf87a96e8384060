import { ConfigError, type Diagnostic } from "@logfeat/schema";
import { type ByteRange, validateByteRange } from "./byte-range.js";
import { type CsvHeaderOption, validateCsvHeader } from "./csv-header-option.js";

/** Values of the `format` option: `"auto"` picks by file extension, else by sniffing. */
export const LOG_FORMATS = ["auto", "text", "json", "csv"] as const;

/** `"auto" | "text" | "json" | "csv"`. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Default `maxRecordBytes`: 1 MiB. */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/** Default `chunkSize`: records per array yielded by `chunks()`. */
export const DEFAULT_CHUNK_SIZE = 4096;

/** Options every source accepts. */
export interface SourceOptions {
  /** The `source` of every record and diagnostic (default: the path as given, `"<stdin>"` for stdin and streams, `"<memory>"` for in-memory input). */
  sourceName?: string | undefined;
  /** Largest record in UTF-8 bytes (default 1 MiB); a larger one is skipped as `record_too_large`. */
  maxRecordBytes?: number | undefined;
  /** Most records per array yielded by `chunks()` (default 4096). */
  chunkSize?: number | undefined;
  /** Called for every diagnostic as it happens. */
  onDiagnostic?: ((diagnostic: Diagnostic) => void) | undefined;
  /** How many diagnostics `accounting()` keeps in its list (default 1000); all are counted. */
  maxDiagnostics?: number | undefined;
}

/** Options of a text source. */
export interface TextSourceOptions extends SourceOptions {
  /** Join continuation lines (indented lines, stack traces) to the previous record (default true). */
  multiline?: boolean | undefined;
}

/** Options of a JSON source. */
export interface JsonSourceOptions extends SourceOptions {
  /**
   * Yield each JSON Lines line unparsed, as a text record (`format: "text"`,
   * the line as payload), for a caller that parses it elsewhere with
   * `JsonLineParser` (worker threads). Lines over `maxRecordBytes` are still
   * skipped here. A top-level JSON array is parsed as usual. Default false.
   */
  deferJsonParsing?: boolean | undefined;
}

/** Options of a CSV source. */
export interface CsvSourceOptions extends SourceOptions {
  /** Field delimiter (default: `"\t"` for `.tsv`, else detected among `,` `;` tab `|`, falling back to `,`). */
  delimiter?: string | undefined;
}

/** Options of `ingestLogs`: those of every format plus `format`. */
export interface IngestOptions extends TextSourceOptions, JsonSourceOptions, CsvSourceOptions {
  /** Input format (default `"auto"`). */
  format?: LogFormat | undefined;
  /**
   * Read only this part of a plain file (see `planByteRanges`): bytes
   * [start, end), lines numbered from `firstLine`, a byte order mark dropped
   * only when `start` is 0, JSON read as JSON Lines only. Requires a file path
   * (not `.gz`) and `format: "text"`, `"json"` or `"csv"`; a CSV range that
   * starts after byte 0 also needs `csvHeader` and `delimiter` (a range at 0
   * reads the header row itself). Default: the whole input.
   */
  byteRange?: ByteRange | undefined;
  /**
   * CSV with a `byteRange` after byte 0: the file's header (column names,
   * header line, line ending), as `planByteRanges` gives it in
   * `partOptions`; the range's rows are read with these columns and no
   * header row is looked for. Ignored by a range that starts at 0 (it reads
   * the header row, and reports its notes, as the whole file does). Only
   * with `byteRange`, `format: "csv"` and `delimiter`. Default: none.
   */
  csvHeader?: CsvHeaderOption | undefined;
}

/** Options after validation, defaults applied. */
export interface ResolvedOptions {
  format: LogFormat;
  sourceName: string | undefined;
  maxRecordBytes: number;
  chunkSize: number;
  multiline: boolean;
  delimiter: string | undefined;
  deferJsonParsing: boolean;
  byteRange: ByteRange | undefined;
  csvHeader: CsvHeaderOption | undefined;
  onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;
  maxDiagnostics: number | undefined;
}

const COMMON_KEYS = [
  "sourceName",
  "maxRecordBytes",
  "chunkSize",
  "onDiagnostic",
  "maxDiagnostics",
] as const;

/** The option names each entry point accepts. */
export const OPTION_KEYS = {
  auto: [
    ...COMMON_KEYS,
    "format",
    "multiline",
    "delimiter",
    "deferJsonParsing",
    "byteRange",
    "csvHeader",
  ],
  text: [...COMMON_KEYS, "multiline"],
  json: [...COMMON_KEYS, "deferJsonParsing"],
  csv: [...COMMON_KEYS, "delimiter"],
} as const;

/** Characters a CSV delimiter may not contain (papaparse's BAD_DELIMITERS). */
const FORBIDDEN_DELIMITER_CHARACTERS = /[\r\n"\uFEFF]/;

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/**
 * Checks the `delimiter` option (undefined stays undefined); throws a
 * ConfigError naming `delimiter` for an empty string or one holding a line
 * break, a double quote or a byte order mark.
 */
export function validateDelimiter(delimiter: unknown): string | undefined {
  if (
    delimiter !== undefined &&
    (typeof delimiter !== "string" ||
      delimiter === "" ||
      FORBIDDEN_DELIMITER_CHARACTERS.test(delimiter))
  )
    throw new ConfigError(
      "delimiter",
      delimiter,
      'a non-empty string without line breaks or double quotes, such as "," ";" "\\t" "|"',
    );
  return delimiter;
}

/**
 * Validates options once, up front, and applies defaults. Throws a
 * ConfigError naming the option and the value for an unknown option or a bad
 * value. `allowed` lists the option names of the calling entry point.
 */
export function resolveOptions(
  options: unknown,
  allowed: readonly string[],
  fixedFormat: LogFormat,
): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new ConfigError("options", options, "an options object");
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key))
      throw new ConfigError(key, record[key], `one of the known options ${allowed.join(", ")}`);
  }
  const { format, sourceName, maxRecordBytes, chunkSize, multiline, delimiter } = record;
  const { deferJsonParsing, byteRange, csvHeader } = record;
  const { onDiagnostic, maxDiagnostics } = record;
  if (format !== undefined && !(LOG_FORMATS as readonly unknown[]).includes(format))
    throw new ConfigError(
      "format",
      format,
      `one of ${LOG_FORMATS.map((name) => `"${name}"`).join(", ")}`,
    );
  if (sourceName !== undefined && (typeof sourceName !== "string" || sourceName === ""))
    throw new ConfigError("sourceName", sourceName, "a non-empty string");
  if (maxRecordBytes !== undefined && !isPositiveInteger(maxRecordBytes))
    throw new ConfigError("maxRecordBytes", maxRecordBytes, "a positive integer number of bytes");
  if (chunkSize !== undefined && !isPositiveInteger(chunkSize))
    throw new ConfigError("chunkSize", chunkSize, "a positive integer number of records");
  if (multiline !== undefined && typeof multiline !== "boolean")
    throw new ConfigError("multiline", multiline, "true or false");
  const checkedDelimiter = validateDelimiter(delimiter);
  if (deferJsonParsing !== undefined && typeof deferJsonParsing !== "boolean")
    throw new ConfigError("deferJsonParsing", deferJsonParsing, "true or false");
  if (onDiagnostic !== undefined && typeof onDiagnostic !== "function")
    throw new ConfigError("onDiagnostic", onDiagnostic, "a function");
  if (
    maxDiagnostics !== undefined &&
    !(
      typeof maxDiagnostics === "number" &&
      Number.isSafeInteger(maxDiagnostics) &&
      maxDiagnostics >= 0
    )
  )
    throw new ConfigError("maxDiagnostics", maxDiagnostics, "a non-negative integer");
  const resolvedFormat = (format as LogFormat | undefined) ?? fixedFormat;
  if (
    byteRange !== undefined &&
    resolvedFormat !== "text" &&
    resolvedFormat !== "json" &&
    resolvedFormat !== "csv"
  )
    throw new ConfigError(
      "byteRange",
      byteRange,
      `a byte range only with format "text", "json" or "csv" (format is "${resolvedFormat}")`,
    );
  const range = byteRange === undefined ? undefined : validateByteRange(byteRange);
  const header = resolveCsvHeader(csvHeader, range, resolvedFormat, delimiter);
  return {
    format: resolvedFormat,
    sourceName,
    maxRecordBytes: maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
    chunkSize: chunkSize ?? DEFAULT_CHUNK_SIZE,
    multiline: multiline ?? true,
    delimiter: checkedDelimiter,
    deferJsonParsing: deferJsonParsing ?? false,
    byteRange: range,
    csvHeader: header,
    onDiagnostic: onDiagnostic as ResolvedOptions["onDiagnostic"],
    maxDiagnostics,
  };
}

/**
 * The `csvHeader` option checked against the others: only with a byte range,
 * format csv and a delimiter; needed by a CSV range after byte 0, whose
 * first line must come after the header line. Returns it for such a range,
 * undefined for a range at 0 (which reads its header row).
 */
function resolveCsvHeader(
  csvHeader: unknown,
  range: ByteRange | undefined,
  format: LogFormat,
  delimiter: unknown,
): CsvHeaderOption | undefined {
  const header = csvHeader === undefined ? undefined : validateCsvHeader(csvHeader);
  if (header !== undefined && (range === undefined || format !== "csv" || delimiter === undefined))
    throw new ConfigError(
      "csvHeader",
      csvHeader,
      'a CSV header only with `byteRange`, `format: "csv"` and `delimiter` (as in planByteRanges\' partOptions)',
    );
  if (range === undefined || format !== "csv" || range.start === 0) return undefined;
  if (header === undefined)
    throw new ConfigError(
      "byteRange",
      range,
      "a CSV range after byte 0 only with the file's `csvHeader` and `delimiter` (planByteRanges' partOptions)",
    );
  if (header.line >= range.firstLine)
    throw new ConfigError(
      "csvHeader",
      csvHeader,
      `a header line before the range's first line ${range.firstLine}`,
    );
  return header;
}
