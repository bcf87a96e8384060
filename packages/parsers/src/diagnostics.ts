import { type Diagnostic, diagnosticValue, type RawRecord } from "@logfeat/schema";

/** Diagnostic codes of the parsing stage. */
export const PARSE_DIAGNOSTIC_CODES = {
  /** A text line that no tried layout matches (skip). */
  noLayoutMatch: "no_layout_match",
  /** A whitespace-only text line (skip; ingestion normally drops these). */
  blankLine: "blank_line",
  /** A record of a format the parser does not read, e.g. JSON given to a text parser (skip). */
  unsupportedFormat: "unsupported_format",
  /** A record whose payload is not of its format's type, e.g. a text record without a string (skip). */
  malformedRecord: "malformed_record",
  /** A parser bug caught so that the batch goes on (skip); please report it. */
  parserFailure: "parser_failure",
} as const;

/** Receives each diagnostic as it happens. */
export type DiagnosticListener = (diagnostic: Diagnostic) => void;

/** `no_layout_match` for a text line; `value` is its first 200 characters. */
export function noLayoutMatch(raw: RawRecord, text: string, tried: readonly string[]): Diagnostic {
  return {
    stage: "parsing",
    code: PARSE_DIAGNOSTIC_CODES.noLayoutMatch,
    message: `line ${raw.line} matches no layout (tried ${tried.join(", ")})`,
    source: raw.source,
    line: raw.line,
    value: diagnosticValue(text),
  };
}

/** `blank_line` for a whitespace-only text record. */
export function blankLine(raw: RawRecord): Diagnostic {
  return {
    stage: "parsing",
    code: PARSE_DIAGNOSTIC_CODES.blankLine,
    message: `line ${raw.line} is blank`,
    source: raw.source,
    line: raw.line,
  };
}

/** `unsupported_format` for a record a parser does not read. */
export function unsupportedFormat(raw: RawRecord, parser: string, expected: string): Diagnostic {
  return {
    stage: "parsing",
    code: PARSE_DIAGNOSTIC_CODES.unsupportedFormat,
    message: `${parser} reads ${expected} records, received a ${raw.format} record`,
    source: raw.source,
    line: raw.line,
    field: "format",
    value: raw.format,
  };
}
