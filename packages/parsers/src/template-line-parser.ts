import {
  ConfigError,
  type CsvRawRecord,
  type ParsedLog,
  type TextRawRecord,
} from "@logfeat/schema";
import { DateFormat } from "./date-format.js";
import { extractDurationSuffix } from "./duration-suffix.js";
import {
  ALIASED_FIELDS,
  type AliasedField,
  type FieldMap,
  resolveTextAliasTable,
} from "./field-aliases.js";
import { loghubLayout } from "./loghub-layouts.js";
import {
  type FieldMapOptions,
  validateFieldMap,
  validateListener,
  validateOptionalString,
} from "./options.js";
import { setOwn } from "./own-property.js";
import { compileTemplate, type TemplateDefinition } from "./template.js";
import { emptyParsedLog, TextLineParser } from "./text-layout.js";
import { TrailingPairs } from "./trailing-pairs.js";

/** Options of `TemplateLineParser`. */
export interface TemplateLineParserOptions extends FieldMapOptions {
  /**
   * A loghub-style template (`"<Date> <Time> <Pid> <Level> <Component>: <Content>"`)
   * or a compiled `TemplateDefinition`. With a template string, `fieldMap`
   * maps template field names to ParsedLog fields (default: the alias table,
   * where `Content` is the message and `Date` + `Time` the timestamp).
   */
  template: string | TemplateDefinition;
  /**
   * Date pattern of the timestamp, e.g. `"yyMMdd HHmmss"` (replaces a
   * definition's own); without one the timestamp is kept as found.
   */
  dateFormat?: string;
}

const NONE = -1;

/**
 * Lines in a fixed template (SPEC section 3, item 5), such as the loghub
 * layouts. The message is the `Content` field, whole; trailing `key=value`
 * pairs and a `(523ms)` suffix are copied out of it. With a date pattern the
 * timestamp is rewritten to naive ISO `YYYY-MM-DDTHH:mm:ss.SSS` (or
 * `MM-DD HH:mm:ss.SSS` when the pattern has no year); a timestamp that does
 * not fit the pattern is kept as found. Field values other than the message
 * are trimmed (padded columns); empty fields are absent. The message is kept
 * exactly as the template cut it (the line itself is trimmed first, as loghub
 * does). Unused fields go to `extra` under their template names.
 */
export class TemplateLineParser extends TextLineParser {
  readonly name: string;
  /** The template in `<Field>` form. */
  readonly template: string;
  private readonly pattern: RegExp;
  private readonly fields: readonly string[];
  /** CSV column of each field (null: no column), for `parseColumns`. */
  private readonly columns: readonly (string | null)[];
  private readonly timestampFields: number[] = [];
  private readonly slots: number[] = new Array<number>(ALIASED_FIELDS.length).fill(NONE);
  private readonly extraFields: number[] = [];
  private readonly dateFormat: DateFormat | null;
  private readonly defaultService: string | undefined;
  private readonly pairs: TrailingPairs;

  /** Throws ConfigError for a bad template, date pattern or field map. */
  constructor(options: TemplateLineParserOptions) {
    super(validateListener(options.onDiagnostic));
    const fieldMap = validateFieldMap(options.fieldMap);
    const definition =
      typeof options.template === "string"
        ? customDefinition(options.template, fieldMap)
        : validateDefinition(options.template);
    this.name = definition.name;
    this.template = definition.template;
    this.pattern = definition.pattern;
    this.fields = definition.fields;
    this.columns = definition.fields.map((field) =>
      definition.csvColumns !== undefined && Object.hasOwn(definition.csvColumns, field)
        ? (definition.csvColumns[field] ?? null)
        : field,
    );
    this.defaultService = definition.defaultService;
    const dateFormat =
      validateOptionalString(
        options.dateFormat,
        "dateFormat",
        'a date pattern such as "yyMMdd HHmmss"',
      ) ?? definition.dateFormat;
    this.dateFormat = dateFormat === undefined ? null : new DateFormat(dateFormat);
    this.pairs = new TrailingPairs(resolveTextAliasTable(fieldMap));
    this.assignFields(resolveTextAliasTable(definition.fieldMap));
  }

  /** The parser of a built-in loghub layout, e.g. `TemplateLineParser.loghub("HDFS")`; throws ConfigError for an unknown system. */
  static loghub(system: string, options: FieldMapOptions = {}): TemplateLineParser {
    return new TemplateLineParser({ ...options, template: loghubLayout(system, "system") });
  }

  private assignFields(table: Readonly<Record<AliasedField, readonly string[]>>): void {
    const lowerFields = this.fields.map((field) => field.toLowerCase());
    const used = new Set<number>();
    const timestampNames = table.timestamp.map((name) => name.toLowerCase());
    lowerFields.forEach((field, index) => {
      if (timestampNames.includes(field)) {
        this.timestampFields.push(index);
        used.add(index);
      }
    });
    ALIASED_FIELDS.forEach((field, slot) => {
      if (field === "timestamp") return;
      for (const name of table[field]) {
        const index = lowerFields.indexOf(name.toLowerCase());
        if (index !== NONE && !used.has(index)) {
          this.slots[slot] = index;
          used.add(index);
          return;
        }
      }
    });
    this.fields.forEach((_field, index) => {
      if (!used.has(index)) this.extraFields.push(index);
    });
  }

  parseText(text: string, raw: TextRawRecord): ParsedLog | null {
    const match = this.pattern.exec(text);
    if (match === null) return null;
    return this.fieldsToParsedLog((index) => match[index + 1], raw);
  }

  /**
   * Reads a CSV row whose columns are named after the template's fields — the
   * `<System>_2k.log_structured.csv` files of loghub (`Date`, `Time`, `Level`,
   * `Component`, `Content`, ...) — with the same field map, date pattern and
   * default service as the text layout. Column names match the field names
   * exactly; a missing column is an absent field. Never null: a row without
   * the fields the normalizers need is skipped there.
   */
  parseColumns(raw: CsvRawRecord): ParsedLog {
    const row = raw.payload;
    return this.fieldsToParsedLog((index) => {
      const column = this.columns[index];
      return column !== null && column !== undefined && Object.hasOwn(row, column)
        ? row[column]
        : undefined;
    }, raw);
  }

  private fieldsToParsedLog(
    valueAt: (index: number) => string | undefined,
    raw: TextRawRecord | CsvRawRecord,
  ): ParsedLog {
    const parsed = emptyParsedLog(raw);
    if (this.timestampFields.length > 0) {
      let timestamp = "";
      for (const index of this.timestampFields) {
        const value = valueAt(index)?.trim();
        if (value !== undefined && value !== "")
          timestamp = timestamp === "" ? value : `${timestamp} ${value}`;
      }
      if (timestamp !== "") parsed.timestamp = this.dateFormat?.format(timestamp) ?? timestamp;
    }
    let message: string | undefined;
    for (let slot = 0; slot < ALIASED_FIELDS.length; slot += 1) {
      const index = this.slots[slot] as number;
      const found = index === NONE ? undefined : valueAt(index);
      if (found === undefined) continue;
      const field = ALIASED_FIELDS[slot] as AliasedField;
      if (field === "message") {
        message = found;
        parsed.message = found;
        continue;
      }
      const value = found.trim();
      if (value === "") continue;
      if (field === "duration") parsed.duration_field = this.fields[index] as string;
      parsed[field as Exclude<AliasedField, "timestamp" | "message">] = value;
    }
    if (parsed.service === undefined && this.defaultService !== undefined)
      parsed.service = this.defaultService;
    for (const index of this.extraFields) {
      const value = valueAt(index)?.trim();
      if (value !== undefined && value !== "")
        setOwn(parsed.extra, this.fields[index] as string, value);
    }
    if (message !== undefined) {
      const pairStart = this.pairs.extract(message, 0, message.length, parsed);
      extractDurationSuffix(message, parsed, pairStart);
    }
    return parsed;
  }
}

function validateDefinition(value: unknown): TemplateDefinition {
  const definition = value as Partial<TemplateDefinition> | null;
  if (
    typeof definition !== "object" ||
    definition === null ||
    !(definition.pattern instanceof RegExp) ||
    !Array.isArray(definition.fields) ||
    typeof definition.name !== "string" ||
    typeof definition.template !== "string"
  )
    throw new ConfigError(
      "template",
      value,
      'a template string such as "<Date> <Time> <Level> <Component>: <Content>" or a TemplateDefinition',
    );
  return definition as TemplateDefinition;
}

function customDefinition(template: string, fieldMap: FieldMap | undefined): TemplateDefinition {
  const { pattern, fields } = compileTemplate(template, "template");
  return fieldMap === undefined
    ? { name: "template", template, pattern, fields }
    : { name: "template", template, pattern, fields, fieldMap };
}
