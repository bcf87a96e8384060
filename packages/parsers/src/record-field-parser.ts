import type { ParsedLog, RawRecord } from "@logfeat/schema";
import { type DiagnosticListener, unsupportedFormat } from "./diagnostics.js";
import { resolveAliasTable } from "./field-aliases.js";
import { FieldPicker } from "./field-picker.js";
import { type FieldMapOptions, validateFieldMap, validateListener } from "./options.js";
import { emptyParsedLog } from "./text-layout.js";

/** Shared by the JSON and CSV parsers: fields found by name through the alias table. */
abstract class RecordFieldParser {
  abstract readonly name: string;
  protected abstract readonly format: "json" | "csv";
  private readonly picker: FieldPicker;
  private readonly onDiagnostic: DiagnosticListener | undefined;

  constructor(options: FieldMapOptions) {
    this.onDiagnostic = validateListener(options.onDiagnostic);
    this.picker = new FieldPicker(resolveAliasTable(validateFieldMap(options.fieldMap)));
  }

  /** Maps one record; a record of another format gives null and an `unsupported_format` diagnostic. */
  parse(raw: RawRecord): ParsedLog | null {
    if (raw.format !== this.format) {
      this.onDiagnostic?.(unsupportedFormat(raw, this.name, this.format));
      return null;
    }
    const parsed = emptyParsedLog(raw);
    this.picker.pick(raw.payload, parsed);
    return parsed;
  }
}

/**
 * JSON objects (SPEC section 3): fields found through the alias table
 * (`FIELD_ALIASES`, overridable with `fieldMap`), case-insensitively, dotted
 * aliases reaching nested objects (`service.name`, `log.level`,
 * `resource.service.name`, `event.duration`). Per field, the first alias in
 * list order with a non-blank string or finite number wins; numbers stay
 * numbers (a number message/service becomes a string). `severity_number`
 * (OTel) is the level, with `level_scheme: "otel"`, when no level alias is
 * present. Every other top-level key goes to `extra` as it is (nested
 * objects whole, even when a dotted alias read a value inside them).
 */
export class JSONLogParser extends RecordFieldParser {
  readonly name = "json";
  protected readonly format = "json";

  /** `fieldMap` replaces alias lists per field. */
  constructor(options: FieldMapOptions = {}) {
    super(options);
  }
}

/**
 * CSV rows (header -> cell text), mapped like JSON objects through the alias
 * table (case-insensitive header names; a dotted header such as
 * `service.name` matches as a flat name). Empty cells are not values: the
 * next alias is tried, and the cell stays in `extra`.
 */
export class CSVLogParser extends RecordFieldParser {
  readonly name = "csv";
  protected readonly format = "csv";

  /** `fieldMap` replaces alias lists per field. */
  constructor(options: FieldMapOptions = {}) {
    super(options);
  }
}
