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
  /**
   * For reading CSV rows (`TemplateLineParser#parseColumns`): the column that
   * holds a field when its name differs from the field's (loghub's OpenSSH CSV
   * calls the month `Date`), or null when the CSV has no such column.
   */
  readonly csvColumns?: Readonly<Record<string, string | null>>;
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

/** The pattern of a non-last field, from the literal text that follows it in the template. */
function fieldSource(following: string): string {
  const next = following.replace(/\\(.)/g, "$1").trimStart()[0];
  if (next === undefined) return "(\\S*?)";
  return `([^${next.replace(/[\]\\^-]/g, "\\$&")}]*?)`;
}

/**
 * Compiles a loghub-style template such as
 * `<Date> <Time> <Pid> <Level> <Component>: <Content>`. A field followed
 * only by whitespace (or directly by another field) holds no whitespace; a
 * field followed by other text runs up to the first occurrence of that
 * text's first non-blank character (`[<Time>]` may hold spaces,
 * `<Component>:` ends at the first `:`, `<Program> - ` at the first `-`);
 * the last field takes the rest of the line. A run of whitespace
 * matches any run of whitespace, `\x` is a literal `x` (so loghub's
 * `\[<Level>\]` and `[<Level>]` are the same), every other character is
 * literal. These rules keep matching linear in the line length. Throws
 * ConfigError (option `option`) for a template without fields or with a
 * field named twice.
 */
export function compileTemplate(
  template: string,
  option = "layout",
): { pattern: RegExp; fields: string[] } {
  const fields: string[] = [];
  const parts: { literal: string; field: string | null }[] = [];
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(template); match !== null; match = PLACEHOLDER.exec(template)) {
    const name = match[1] as string;
    if (fields.includes(name))
      throw new ConfigError(
        option,
        template,
        `a template naming each field once; <${name}> appears twice`,
      );
    fields.push(name);
    parts.push({ literal: template.slice(last, match.index), field: name });
    last = match.index + match[0].length;
  }
  if (fields.length === 0)
    throw new ConfigError(
      option,
      template,
      'a template with <Field> placeholders such as "<Date> <Time> <Level> <Component>: <Content>"',
    );
  const tail = template.slice(last);
  let source = "";
  parts.forEach((part, index) => {
    source += literalSource(part.literal);
    const following = parts[index + 1]?.literal ?? tail;
    const isLast = index === parts.length - 1 && tail === "";
    source += isLast ? "(.*)" : fieldSource(following);
  });
  source += literalSource(tail);
  return { pattern: new RegExp(`^${source}$`, "s"), fields };
}
