import { ConfigError } from "@logfeat/schema";
import type { FieldMap } from "./field-aliases.js";
import type { TemplateDefinition } from "./template.js";

interface LoghubSystem {
  readonly system: string;
  /** loghub's format string: `<Field>` placeholders, the text between them is a regex. */
  readonly format: string;
  readonly fieldMap: FieldMap;
  readonly dateFormat?: string;
  readonly defaultService?: string;
  /** Structured-CSV columns named differently from the fields (see TemplateDefinition). */
  readonly csvColumns?: Readonly<Record<string, string | null>>;
  /** What the layout reads, for `listLayouts()`. */
  readonly note: string;
}

/**
 * The loghub systems (logpai/loghub `*_2k.log`) with the format strings of
 * loghub's own benchmark, except: Linux's 4th field is the host (loghub calls
 * it Level), OpenSSH reads the program (`sshd`) instead of a literal, and
 * Zookeeper splits `[thread:Class@line]` at the last `:` (loghub at the first).
 */
const SYSTEMS: readonly LoghubSystem[] = [
  {
    system: "Android",
    format: "<Date> <Time>  <Pid>  <Tid> <Level> <Component>: <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "MM-dd HH:mm:ss.SSS",
    note: "service = tag (Component), level = V/D/I/W/E letter",
  },
  {
    system: "Apache",
    format: "\\[<Time>\\] \\[<Level>\\] <Content>",
    fieldMap: { timestamp: ["Time"], level: ["Level"], message: ["Content"] },
    dateFormat: "EEE MMM dd HH:mm:ss yyyy",
    defaultService: "apache",
    note: 'Apache error log; no component, service = "apache"',
  },
  {
    system: "BGL",
    format:
      "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>",
    fieldMap: {
      timestamp: ["Timestamp"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    note: "timestamp = epoch seconds column, service = Component (KERNEL, APP, ...)",
  },
  {
    system: "HDFS",
    format: "<Date> <Time> <Pid> <Level> <Component>: <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "yyMMdd HHmmss",
    note: "service = Java class (Component)",
  },
  {
    system: "HPC",
    format: "<LogId> <Node> <Component> <State> <Time> <Flag> <Content>",
    fieldMap: { timestamp: ["Time"], service: ["Component"], message: ["Content"] },
    note: "timestamp = epoch seconds column, service = Component, no level",
  },
  {
    system: "Hadoop",
    format: "<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "yyyy-MM-dd HH:mm:ss,SSS",
    note: "service = logger (Component), thread in extra.Process",
  },
  {
    system: "HealthApp",
    format: "<Time>\\|<Component>\\|<Pid>\\|<Content>",
    fieldMap: { timestamp: ["Time"], service: ["Component"], message: ["Content"] },
    dateFormat: "yyyyMMdd-HH:mm:ss:SSS",
    note: "|-separated, service = Component, no level",
  },
  {
    system: "Linux",
    format: "<Month> <Date> <Time> <Host> <Component>(\\[<PID>\\])?: <Content>",
    fieldMap: {
      timestamp: ["Month", "Date", "Time"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "MMM d HH:mm:ss",
    csvColumns: { Host: "Level" },
    note: "syslog without year, service = program (Component, e.g. sshd(pam_unix)), no level",
  },
  {
    system: "Mac",
    format: "<Month>  <Date> <Time> <User> <Component>\\[<PID>\\]( \\(<Address>\\))?: <Content>",
    fieldMap: {
      timestamp: ["Month", "Date", "Time"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "MMM d HH:mm:ss",
    note: "syslog without year, service = process (Component, may hold spaces), no level",
  },
  {
    system: "OpenSSH",
    format: "<Month> <Day> <Time> <Host> <Component>\\[<Pid>\\]: <Content>",
    fieldMap: { timestamp: ["Month", "Day", "Time"], service: ["Component"], message: ["Content"] },
    dateFormat: "MMM d HH:mm:ss",
    csvColumns: { Month: "Date", Host: "Component", Component: null },
    note: "syslog without year, service = program (sshd), no level",
  },
  {
    system: "OpenStack",
    format: "<Logrecord> <Date> <Time> <Pid> <Level> <Component> \\[<ADDR>\\] <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "yyyy-MM-dd HH:mm:ss.SSS",
    note: "service = logger (Component)",
  },
  {
    system: "Proxifier",
    format: "\\[<Time>\\] <Program> - <Content>",
    fieldMap: { timestamp: ["Time"], service: ["Program"], message: ["Content"] },
    dateFormat: "MM.dd HH:mm:ss",
    note: "service = program (may hold spaces), no level",
  },
  {
    system: "Spark",
    format: "<Date> <Time> <Level> <Component>: <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "yy/MM/dd HH:mm:ss",
    note: "service = logger (Component)",
  },
  {
    system: "Thunderbird",
    format:
      "<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\\[<PID>\\])?: <Content>",
    fieldMap: { timestamp: ["Timestamp"], service: ["Component"], message: ["Content"] },
    note: "timestamp = epoch seconds column, service = program (Component), no level",
  },
  {
    system: "Windows",
    format: "<Date> <Time>, <Level>                  <Component>    <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "yyyy-MM-dd HH:mm:ss",
    note: "CBS/CSI log, service = Component, level = padded Info column",
  },
  {
    system: "Zookeeper",
    format: "<Date> <Time> - <Level>  \\[<Node>:<Component>@<Id>\\] - <Content>",
    fieldMap: {
      timestamp: ["Date", "Time"],
      level: ["Level"],
      service: ["Component"],
      message: ["Content"],
    },
    dateFormat: "yyyy-MM-dd HH:mm:ss,SSS",
    note: "service = class in [thread:Class@line] (split at the last ':'), thread in extra.Node",
  },
];

const BRACKETED = "([^\\]]*?)";
/** A program name: up to `[pid]` or `: ` (a `:` inside it, as in `audit(1131538222.234:0)`, is fine). */
const PROGRAM = "((?:[^\\[:]|:(?!\\s))*?)";

/**
 * Field patterns other than the default `(\\S*?)` (no whitespace; the last
 * field takes the rest). Bracketed fields run to the closing bracket;
 * program names may hold spaces (`syslogd 1.4.1`, `Microsoft Word`,
 * `chrome.exe *64`); Zookeeper's thread may hold `:` and `]`, the class may not.
 */
const FIELD_PATTERN_OVERRIDES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Apache: { Time: BRACKETED, Level: BRACKETED },
  Hadoop: { Process: BRACKETED },
  Linux: { Component: PROGRAM },
  Mac: { Component: "([^\\[]*?)" },
  OpenStack: { ADDR: BRACKETED },
  Proxifier: { Time: BRACKETED, Program: "(.*?)" },
  Thunderbird: { Component: PROGRAM },
  Zookeeper: { Node: "(.*)", Component: "([^:@\\]]*)" },
};

/**
 * Compiles a loghub format much as loghub does: the text between fields is a
 * regex in which runs of spaces match any whitespace and groups become
 * non-capturing. Where loghub lets every field match `.*?`, a field here
 * matches no whitespace unless `FIELD_PATTERN_OVERRIDES` says otherwise, so
 * a long line that does not fit fails in linear time instead of trying every
 * way to split it (loghub's patterns backtrack exponentially in the number
 * of fields).
 */
function compileLoghubFormat(
  system: string,
  format: string,
): { pattern: RegExp; fields: string[] } {
  const fields: string[] = [];
  const overrides = FIELD_PATTERN_OVERRIDES[system] ?? {};
  const source = format
    .split(/(<[^<>]+>)/)
    .map((part) => {
      const field = /^<([^<>]+)>$/.exec(part);
      if (field === null) return part.replace(/ +/g, "\\s+").replace(/(?<!\\)\((?!\?)/g, "(?:");
      const name = field[1] as string;
      fields.push(name);
      return overrides[name] ?? (/^<Content>$/.test(part) ? "(.*)" : "(\\S*?)");
    })
    .join("");
  return { pattern: new RegExp(`^${source}$`, "s"), fields };
}

const definitions = new Map<string, TemplateDefinition>();

/** A loghub format for people: regex escapes and padding removed, optional groups shown as `(optional ...)`. */
function displayFormat(format: string): string {
  return format
    .replace(/\((.*?)\)\?/g, (_group, inner: string) => `(optional ${inner.trim()})`)
    .replace(/\\(.)/g, "$1")
    .replace(/ {2,}/g, " ");
}

/** Names of the built-in loghub layouts with a one-line description each. */
export function loghubLayoutDescriptions(): { name: string; description: string }[] {
  return SYSTEMS.map((entry) => ({
    name: `loghub:${entry.system}`,
    description: `loghub ${entry.system}: ${displayFormat(entry.format)}; ${entry.note}${
      entry.dateFormat === undefined ? "" : `; date ${entry.dateFormat}`
    }`,
  }));
}

/** The loghub system names, e.g. `["Android", "Apache", ...]`. */
export const LOGHUB_SYSTEMS: readonly string[] = SYSTEMS.map((entry) => entry.system);

/**
 * The compiled layout of a loghub system (name matched case-insensitively).
 * Throws ConfigError (option `option`) listing the systems for an unknown name.
 */
export function loghubLayout(system: string, option = "layout"): TemplateDefinition {
  const entry = SYSTEMS.find(
    (candidate) => candidate.system.toLowerCase() === system.toLowerCase(),
  );
  if (entry === undefined)
    throw new ConfigError(option, system, `a loghub system, one of ${LOGHUB_SYSTEMS.join(", ")}`);
  const cached = definitions.get(entry.system);
  if (cached !== undefined) return cached;
  const { pattern, fields } = compileLoghubFormat(entry.system, entry.format);
  const definition: TemplateDefinition = {
    name: `loghub:${entry.system}`,
    template: entry.format,
    pattern,
    fields,
    fieldMap: entry.fieldMap,
    ...(entry.dateFormat === undefined ? {} : { dateFormat: entry.dateFormat }),
    ...(entry.defaultService === undefined ? {} : { defaultService: entry.defaultService }),
    ...(entry.csvColumns === undefined ? {} : { csvColumns: entry.csvColumns }),
  };
  definitions.set(entry.system, definition);
  return definition;
}
