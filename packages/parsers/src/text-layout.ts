import type { ParsedLog, RawRecord, TextRawRecord } from "@logfeat/schema";
import {
  blankLine,
  type DiagnosticListener,
  noLayoutMatch,
  unsupportedFormat,
} from "./diagnostics.js";

/** One text layout: recognises and splits a line of a given shape. */
export interface TextLayout {
  /** Layout name as used by the `layout` option, e.g. `"standard"` or `"loghub:HDFS"`. */
  readonly name: string;
  /**
   * Parses one line that is already trimmed and not blank. Returns null,
   * without any diagnostic, when the line does not have this layout.
   */
  parseText(text: string, raw: TextRawRecord): ParsedLog | null;
}

/** A ParsedLog with only the record's origin set. */
export function emptyParsedLog(raw: RawRecord): ParsedLog {
  return { source: raw.source, line: raw.line, format: raw.format, extra: {} };
}

/**
 * Base of the text layout classes: `parse(raw)` trims the line and calls
 * `parseText`; a line it does not match, a blank line and a non-text record
 * give null and a diagnostic (`no_layout_match`, `blank_line`,
 * `unsupported_format`) to `onDiagnostic`. Never throws on data.
 */
export abstract class TextLineParser implements TextLayout {
  abstract readonly name: string;
  private readonly onDiagnostic: DiagnosticListener | undefined;

  /** `onDiagnostic` receives the diagnostic of each record this parser rejects. */
  constructor(onDiagnostic: DiagnosticListener | undefined) {
    this.onDiagnostic = onDiagnostic;
  }

  abstract parseText(text: string, raw: TextRawRecord): ParsedLog | null;

  /** Parses one text record; null (with a diagnostic) when it does not have this layout. */
  parse(raw: RawRecord): ParsedLog | null {
    if (raw.format !== "text") {
      this.onDiagnostic?.(unsupportedFormat(raw, this.name, "text"));
      return null;
    }
    const text = raw.payload.trim();
    if (text === "") {
      this.onDiagnostic?.(blankLine(raw));
      return null;
    }
    const parsed = this.parseText(text, raw);
    if (parsed === null) this.onDiagnostic?.(noLayoutMatch(raw, text, [this.name]));
    return parsed;
  }
}
