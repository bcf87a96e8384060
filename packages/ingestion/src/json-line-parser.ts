import {
  type BatchAccounting,
  DiagnosticCollector,
  type JsonRawRecord,
  type TextRawRecord,
} from "@logfeat/schema";
import { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import { type JsonReaderSettings, readJsonValue } from "./json-record.js";

/** Options of a JsonLineParser. */
export interface JsonLineParserOptions {
  /** How many diagnostics each accounting keeps in its list (default 1000); all are counted. */
  maxDiagnostics?: number | undefined;
}

/**
 * The second step of `deferJsonParsing`: reads the JSON of the JSON Lines
 * lines a source handed on unparsed, with the rules and diagnostics
 * (`invalid_json`, `not_an_object`) that reading them in the source would
 * have had, so `ingestLogs(input, { deferJsonParsing: true })` plus this
 * gives the records and accounting of `ingestLogs(input)`.
 */
export class JsonLineParser {
  private readonly maxDiagnostics: number | undefined;
  private collector: DiagnosticCollector;
  private readonly settingsBySource = new Map<string, JsonReaderSettings>();
  private readonly out: JsonRawRecord[] = [];

  constructor(options: JsonLineParserOptions = {}) {
    this.maxDiagnostics = options.maxDiagnostics;
    this.collector = this.newCollector();
  }

  /** The JSON record of a deferred line, or null after reporting why it is skipped. */
  parse(record: TextRawRecord): JsonRawRecord | null {
    const out = this.out;
    out.length = 0;
    readJsonValue(record.payload, record.line, this.settingsFor(record.source), out);
    return out.length === 0 ? null : (out[0] as JsonRawRecord);
  }

  /** The accounting of the lines parsed since the last call (the next lines start a new one). */
  takeAccounting(): BatchAccounting {
    const accounting = this.collector.toAccounting();
    this.collector = this.newCollector();
    this.settingsBySource.clear();
    return accounting;
  }

  private newCollector(): DiagnosticCollector {
    return new DiagnosticCollector(
      this.maxDiagnostics === undefined ? {} : { maxDiagnostics: this.maxDiagnostics },
    );
  }

  private settingsFor(source: string): JsonReaderSettings {
    let settings = this.settingsBySource.get(source);
    if (settings === undefined) {
      settings = {
        source,
        maxRecordBytes: Number.POSITIVE_INFINITY,
        diagnostics: new IngestionDiagnostics(source, {}, this.collector),
      };
      this.settingsBySource.set(source, settings);
    }
    return settings;
  }
}
