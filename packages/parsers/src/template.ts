import { ConfigError } from "@logfeat/schema";
import type { FieldMap } from "./field-aliases.js";

/**
 * A compiled line layout: an anchored regex whose capture groups are the
 * named fields, plus how those fields become ParsedLog fields.
 */
export interface TemplateDefinition {
  /** Layout name, e.g. `"loghub:HDFS"` or `"template"`. */
  readonly name: string;
  /** The template in loghub's `<Field>` form, for display. */
  readonly template: string;
  /** Anchored regex; capture group i is `fields[i]` (an unmatched optional group is absent). */
  readonly pattern: RegExp;
  /** Field names, in capture-group order. */
  readonly fields: readonly string[];
  /**
   * Which fields make which ParsedLog field (default: the text alias table
   * applied to the field names). Every field named under `timestamp` is used,
   * joined by spaces in template order (`Date` + `Time`); for the others the
   * first name present wins. Fields used for nothing go to `extra`.
   */
  readonly fieldMap?: FieldMap;
  /** Date pattern applied to the joined timestamp (see `DateFormat`). */
  readonly dateFormat?: string;
  /** Service when the layout has no service field (loghub Apache: `"apache"`). */
  readonly defaultService?: string;
}

const PLACEHOLDER = /<([A-Za-z_][A-Za-z0-9_]*)>/g;

/** True when `layout` has at least one `<Field>` placeholder. */
export function isTemplate(layout: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(layout);
}

function literalSource(text: string): string {
  const unescaped = text.replace(/\\(.)/g, "$1");
  return unescaped
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("\\s+");
}

/**
 * Compiles a loghub-style template such as
 * `<Date> <Time> <Pid> <Level> <Component>: <Content>`: each `<Field>`
 * matches as little text as possible (the last field takes the rest of the
 * line), a run of whitespace matches any run of whitespace, `\x` is a
 * literal `x` (so loghub's `\[<Level>\]` and `[<Level>]` are the same), and
 * every other character is literal. Throws ConfigError (option `option`) for
 * a template without fields or with a field named twice.
 */
export function compileTemplate(
  template: string,
  option = "layout",
): { pattern: RegExp; fields: string[] } {
  const fields: string[] = [];
  let source = "";
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(template); match !== null; match = PLACEHOLDER.exec(template)) {
    source += literalSource(template.slice(last, match.index));
    const name = match[1] as string;
    if (fields.includes(name))
      throw new ConfigError(
        option,
        template,
        `a template naming each field once; <${name}> appears twice`,
      );
    fields.push(name);
    last = match.index + match[0].length;
    source += last === template.length ? "(.*)" : "(.*?)";
  }
  if (fields.length === 0)
    throw new ConfigError(
      option,
      template,
      'a template with <Field> placeholders such as "<Date> <Time> <Level> <Component>: <Content>"',
    );
  source += literalSource(template.slice(last));
  return { pattern: new RegExp(`^${source}$`, "s"), fields };
}
