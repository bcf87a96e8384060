import { ConfigError } from "@logfeat/schema";
import { ApacheLogParser } from "./apache-log-parser.js";
import type { FieldMap } from "./field-aliases.js";
import { LogfmtParser } from "./logfmt-parser.js";
import { LOGHUB_SYSTEMS, loghubLayout, loghubLayoutDescriptions } from "./loghub-layouts.js";
import { StandardTextLineParser } from "./standard-text-line-parser.js";
import { SyslogParser } from "./syslog-parser.js";
import { isTemplate } from "./template.js";
import { TemplateLineParser } from "./template-line-parser.js";
import type { TextLayout } from "./text-layout.js";

/** A layout name with what it reads. */
export interface LayoutDescription {
  /** Value for the `layout` option, e.g. `"syslog"` or `"loghub:HDFS"`. */
  name: string;
  /** One line: what the layout reads and which field is the service. */
  description: string;
}

/** The layouts `"auto"` tries, in SPEC order. */
export const AUTO_LAYOUT_ORDER = ["standard", "logfmt", "syslog", "apache"] as const;

const BUILT_IN_DESCRIPTIONS: readonly LayoutDescription[] = [
  {
    name: "auto",
    description: `try ${AUTO_LAYOUT_ORDER.join(", ")} in that order; the layout that matched is tried first for the next line of the same source`,
  },
  {
    name: "standard",
    description:
      "<ISO timestamp> <LEVEL> [<service>] <message>, <ts> [<LEVEL>] <service>: <message>, <ts> <LEVEL> <service> - <message>; trailing key=value pairs are fields",
  },
  {
    name: "logfmt",
    description: "key=value pairs: time/ts, level, service/component, msg, duration, ...",
  },
  {
    name: "syslog",
    description:
      "RFC 5424 and RFC 3164 (with or without <PRI>); service = app name / tag; level from a leading level word or the PRI severity",
  },
  {
    name: "apache",
    description:
      "Apache/nginx access logs (common, combined; level from the status) and Apache error logs ([date] [level] message)",
  },
];

/** Every accepted `layout` name with a description (for `--layout` help); templates are accepted too. */
export function listLayouts(): LayoutDescription[] {
  return [...BUILT_IN_DESCRIPTIONS, ...loghubLayoutDescriptions()];
}

function validNames(): string {
  return `"auto", "standard", "logfmt", "syslog", "apache", ${LOGHUB_SYSTEMS.map((system) => `"loghub:${system}"`).join(", ")}, or a template with <Field> placeholders`;
}

/** Options of `createTextLayouts`, already validated. */
export interface TextLayoutOptions {
  fieldMap: FieldMap | undefined;
  dateFormat: string | undefined;
}

function createNamedLayout(name: string, fieldMap: FieldMap | undefined): TextLayout {
  const options = fieldMap === undefined ? {} : { fieldMap };
  switch (name) {
    case "standard":
      return new StandardTextLineParser(options);
    case "logfmt":
      return new LogfmtParser(options);
    case "syslog":
      return new SyslogParser(options);
    case "apache":
      return new ApacheLogParser(options);
    default:
      throw new ConfigError("layout", name, validNames());
  }
}

/**
 * The text layouts for a `layout` option, in the order they are tried.
 * Throws ConfigError for an unknown name (listing the valid ones), a bad
 * template, or a `dateFormat` without a template layout.
 */
export function createTextLayouts(layout: string, options: TextLayoutOptions): TextLayout[] {
  const { fieldMap, dateFormat } = options;
  if (isTemplate(layout)) {
    return [
      new TemplateLineParser({
        template: layout,
        ...(fieldMap === undefined ? {} : { fieldMap }),
        ...(dateFormat === undefined ? {} : { dateFormat }),
      }),
    ];
  }
  if (dateFormat !== undefined)
    throw new ConfigError(
      "dateFormat",
      dateFormat,
      `no date pattern unless "layout" is a template with <Field> placeholders (layout is "${layout}")`,
    );
  if (layout.toLowerCase().startsWith("loghub:")) {
    const system = layout.slice("loghub:".length);
    if (!LOGHUB_SYSTEMS.some((name) => name.toLowerCase() === system.toLowerCase()))
      throw new ConfigError("layout", layout, validNames());
    return [
      new TemplateLineParser({
        template: loghubLayout(system),
        ...(fieldMap === undefined ? {} : { fieldMap }),
      }),
    ];
  }
  if (layout === "auto") return AUTO_LAYOUT_ORDER.map((name) => createNamedLayout(name, fieldMap));
  return [createNamedLayout(layout, fieldMap)];
}
