export { ApacheLogParser, levelForStatus } from "./apache-log-parser.js";
export { DateFormat } from "./date-format.js";
export type { DiagnosticListener } from "./diagnostics.js";
export { PARSE_DIAGNOSTIC_CODES } from "./diagnostics.js";
export type { AliasedField, AliasTable, FieldMap } from "./field-aliases.js";
export {
  ALIASED_FIELDS,
  FIELD_ALIASES,
  OTEL_SEVERITY_NUMBER_ALIASES,
  TEXT_ONLY_ALIASES,
  TRAILING_PAIR_FIELDS,
} from "./field-aliases.js";
export type { LayoutDescription } from "./layouts.js";
export { AUTO_LAYOUT_ORDER, listLayouts } from "./layouts.js";
export { LogfmtParser } from "./logfmt-parser.js";
export { LOGHUB_SYSTEMS } from "./loghub-layouts.js";
export type { FieldMapOptions, ParserOptions } from "./options.js";
export { parseLog, parseLogs } from "./parse-log.js";
export type { Parser } from "./parser.js";
export { createParser } from "./parser.js";
export { CSVLogParser, JSONLogParser } from "./record-field-parser.js";
export { StandardTextLineParser } from "./standard-text-line-parser.js";
export { SyslogParser } from "./syslog-parser.js";
export type { TemplateDefinition } from "./template.js";
export type { TemplateLineParserOptions } from "./template-line-parser.js";
export { TemplateLineParser } from "./template-line-parser.js";
export type { TextLayout } from "./text-layout.js";
