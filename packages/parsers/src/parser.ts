import {
  type BatchAccounting,
  type BatchResult,
  type Diagnostic,
  DiagnosticCollector,
  diagnosticValue,
  type ParsedLog,
  type RawRecord,
  type TextRawRecord,
} from "@logfeat/schema";
import { blankLine, noLayoutMatch, PARSE_DIAGNOSTIC_CODES } from "./diagnostics.js";
import { createTextLayouts } from "./layouts.js";
import {
  type ParserOptions,
  validateFieldMap,
  validateListener,
  validateMaxDiagnostics,
  validateOptionalString,
  validateOptionsObject,
} from "./options.js";
import { CSVLogParser, JSONLogParser } from "./record-field-parser.js";
import { TemplateLineParser } from "./template-line-parser.js";
import type { TextLayout } from "./text-layout.js";

/** A configured parser; see `createParser`. */
export interface Parser {
  /** The `layout` option in effect (`"auto"` by default). */
  readonly layout: string;
  /**
   * Parses one record (synchronous): text by layout, JSON/CSV by field
   * names. Returns null for a record it skips, after reporting a diagnostic
   * to `onDiagnostic` and counting it in `accounting()`. Never throws on data.
   */
  parse(raw: RawRecord): ParsedLog | null;
  /**
   * Parses a chunk of records. The result carries this chunk's accounting
   * only (skips per code, the first `maxDiagnostics` diagnostics); layout
   * memory and `accounting()` carry over between chunks.
   */
  parseBatch(raws: readonly RawRecord[]): BatchResult<"parsed", ParsedLog>;
  /** Accounting of everything this parser has seen so far (`parse` and `parseBatch`). */
  accounting(): BatchAccounting;
}

/** Sources whose layout is remembered at once; beyond that the memory starts over (it is only an ordering hint). */
const MAX_REMEMBERED_SOURCES = 10_000;

class LogParser implements Parser {
  readonly layout: string;
  private readonly layouts: readonly TextLayout[];
  private readonly layoutNames: readonly string[];
  private readonly json: JSONLogParser;
  private readonly csv: CSVLogParser;
  /** The template layout (`loghub:<System>` or a custom template) CSV rows are read with, if any. */
  private readonly csvTemplate: TemplateLineParser | null;
  private readonly maxDiagnostics: number | undefined;
  private readonly total: DiagnosticCollector;
  private batch: DiagnosticCollector | null = null;
  private readonly rememberedBySource = new Map<string, number>();
  private lastSource: string | null = null;
  private lastIndex = 0;

  constructor(options: ParserOptions | undefined) {
    const checked = validateOptionsObject(options);
    this.layout =
      validateOptionalString(
        checked["layout"],
        "layout",
        'a layout name such as "auto" or "loghub:HDFS"',
      ) ?? "auto";
    const fieldMap = validateFieldMap(checked["fieldMap"]);
    const dateFormat = validateOptionalString(
      checked["dateFormat"],
      "dateFormat",
      'a date pattern such as "yyMMdd HHmmss"',
    );
    const onDiagnostic = validateListener(checked["onDiagnostic"]);
    this.maxDiagnostics = validateMaxDiagnostics(checked["maxDiagnostics"]);
    this.layouts = createTextLayouts(this.layout, { fieldMap, dateFormat });
    this.layoutNames = this.layouts.map((layout) => layout.name);
    const only = this.layouts.length === 1 ? this.layouts[0] : undefined;
    this.csvTemplate = only instanceof TemplateLineParser ? only : null;
    const fieldOptions = fieldMap === undefined ? {} : { fieldMap };
    this.json = new JSONLogParser(fieldOptions);
    this.csv = new CSVLogParser(fieldOptions);
    this.total = new DiagnosticCollector({
      ...(this.maxDiagnostics === undefined ? {} : { maxDiagnostics: this.maxDiagnostics }),
      ...(onDiagnostic === undefined ? {} : { onDiagnostic }),
    });
  }

  parse(raw: RawRecord): ParsedLog | null {
    try {
      switch (raw.format) {
        case "text":
          return typeof raw.payload === "string" ? this.parseText(raw) : this.malformed(raw);
        case "json":
          return isObject(raw.payload) ? this.json.parse(raw) : this.malformed(raw);
        case "csv":
          if (!isObject(raw.payload)) return this.malformed(raw);
          return this.csvTemplate === null
            ? this.csv.parse(raw)
            : this.csvTemplate.parseColumns(raw);
        default:
          return this.malformed(raw);
      }
    } catch (error) {
      this.skip({
        stage: "parsing",
        code: PARSE_DIAGNOSTIC_CODES.parserFailure,
        message: `unexpected parser failure: ${error instanceof Error ? error.message : String(error)}`,
        source: String(raw.source),
        line: Number.isInteger(raw.line) && raw.line >= 1 ? raw.line : null,
      });
      return null;
    }
  }

  parseBatch(raws: readonly RawRecord[]): BatchResult<"parsed", ParsedLog> {
    const batch = new DiagnosticCollector(
      this.maxDiagnostics === undefined ? {} : { maxDiagnostics: this.maxDiagnostics },
    );
    this.batch = batch;
    const parsed: ParsedLog[] = [];
    try {
      for (const raw of raws) {
        const result = this.parse(raw);
        if (result !== null) parsed.push(result);
      }
    } finally {
      this.batch = null;
    }
    return { parsed, ...batch.toAccounting() };
  }

  accounting(): BatchAccounting {
    return this.total.toAccounting();
  }

  private skip(diagnostic: Diagnostic): void {
    this.total.skip(diagnostic);
    this.batch?.skip(diagnostic);
  }

  private malformed(raw: RawRecord): null {
    this.skip({
      stage: "parsing",
      code: PARSE_DIAGNOSTIC_CODES.malformedRecord,
      message: `record of format ${diagnosticValue(raw.format)} has a payload of the wrong type`,
      source: String(raw.source),
      line: Number.isInteger(raw.line) && raw.line >= 1 ? raw.line : null,
    });
    return null;
  }

  private parseText(raw: TextRawRecord): ParsedLog | null {
    const text = raw.payload.trim();
    if (text === "") {
      this.skip(blankLine(raw));
      return null;
    }
    const layouts = this.layouts;
    if (layouts.length === 1) {
      const parsed = (layouts[0] as TextLayout).parseText(text, raw);
      if (parsed === null) this.skip(noLayoutMatch(raw, text, this.layoutNames));
      return parsed;
    }
    const remembered = this.rememberedIndex(raw.source);
    const first = (layouts[remembered] as TextLayout).parseText(text, raw);
    if (first !== null) return first;
    for (let index = 0; index < layouts.length; index += 1) {
      if (index === remembered) continue;
      const parsed = (layouts[index] as TextLayout).parseText(text, raw);
      if (parsed !== null) {
        this.remember(raw.source, index);
        return parsed;
      }
    }
    if (this.layout === "auto" && text.startsWith("{")) {
      const embedded = this.parseEmbeddedJson(text, raw);
      if (embedded !== null) return embedded;
    }
    this.skip(noLayoutMatch(raw, text, this.layoutNames));
    return null;
  }

  /**
   * A JSON Lines record in a file read as text (`.txt`, `.log`): with
   * `layout: "auto"`, a line that no text layout matches and that is a JSON
   * object is read with the JSON field aliases, like a JSON record.
   */
  private parseEmbeddedJson(text: string, raw: TextRawRecord): ParsedLog | null {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isObject(value)) return null;
    return this.json.parse({ source: raw.source, line: raw.line, format: "json", payload: value });
  }

  private rememberedIndex(source: string): number {
    if (source === this.lastSource) return this.lastIndex;
    const index = this.rememberedBySource.get(source) ?? 0;
    this.lastSource = source;
    this.lastIndex = index;
    return index;
  }

  private remember(source: string, index: number): void {
    if (this.rememberedBySource.size >= MAX_REMEMBERED_SOURCES) this.rememberedBySource.clear();
    this.rememberedBySource.set(source, index);
    this.lastSource = source;
    this.lastIndex = index;
  }
}

function isObject(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Creates a parser. Options (validated now; a bad one throws ConfigError
 * naming it): `layout` (default `"auto"`), `dateFormat` (template layouts
 * only), `fieldMap`, `onDiagnostic`, `maxDiagnostics` (default 1000). The
 * parser remembers, per source, the text layout that matched last and tries
 * it first.
 */
export function createParser(options?: ParserOptions): Parser {
  return new LogParser(options);
}
