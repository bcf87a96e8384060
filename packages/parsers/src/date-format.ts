import { ConfigError } from "@logfeat/schema";

type Part =
  | "year4"
  | "year2"
  | "monthName"
  | "month"
  | "day"
  | "hour"
  | "minute"
  | "second"
  | "fraction"
  | "milliseconds";

interface Token {
  readonly pattern: string;
  readonly source: string;
  readonly part: Part | null;
}

/** Longest tokens first so `yyyy` wins over `yy`. */
const TOKENS: readonly Token[] = [
  { source: "yyyy", pattern: "(\\d{4})", part: "year4" },
  { source: "yy", pattern: "(\\d{2})", part: "year2" },
  { source: "EEEE", pattern: "[A-Za-z]+", part: null },
  { source: "EEE", pattern: "[A-Za-z]{3}", part: null },
  { source: "MMM", pattern: "([A-Za-z]{3})", part: "monthName" },
  { source: "MM", pattern: "(\\d{1,2})", part: "month" },
  { source: "M", pattern: "(\\d{1,2})", part: "month" },
  { source: "dd", pattern: "(\\d{1,2})", part: "day" },
  { source: "d", pattern: "(\\d{1,2})", part: "day" },
  { source: "HH", pattern: "(\\d{1,2})", part: "hour" },
  { source: "H", pattern: "(\\d{1,2})", part: "hour" },
  { source: "mm", pattern: "(\\d{1,2})", part: "minute" },
  { source: "ss", pattern: "(\\d{1,2})", part: "second" },
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function pad2(text: string): string {
  return text.length >= 2 ? text : `0${text}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * A compiled date pattern such as `yyMMdd HHmmss` or `yyyy-MM-dd HH:mm:ss,SSS`.
 * Tokens: `yyyy`, `yy` (20yy), `MMM` (English month abbreviation, any case),
 * `MM`/`M`, `dd`/`d`, `HH`/`H`, `mm`, `ss`, `S`..`SSSSSSSSS` (fraction; after
 * `.` or `,` it is a decimal fraction cut or padded to milliseconds,
 * otherwise an integer count of milliseconds, so HealthApp's `:6` is 6 ms),
 * `EEE`/`EEEE` (weekday name, ignored). Two-letter numeric tokens also accept
 * one digit (HealthApp writes `22:16:0:119`) and are zero-padded, except
 * next to another token (`yyMMdd` is read two digits at a time). Whitespace matches any run of
 * whitespace; every other character is literal.
 */
export class DateFormat {
  /** The pattern as given. */
  readonly pattern: string;
  /** True when the pattern has a year (output is ISO), false for `MM-dd HH:mm:ss.SSS` output. */
  readonly hasYear: boolean;
  private readonly regex: RegExp;
  private readonly parts: Part[] = [];

  /** Throws ConfigError (option `option`) when the pattern has no month, day or hour token. */
  constructor(pattern: string, option = "dateFormat") {
    this.pattern = pattern;
    let source = "";
    let index = 0;
    while (index < pattern.length) {
      const character = pattern[index] as string;
      if (character === "S") {
        let end = index;
        while (pattern[end] === "S") end += 1;
        const previous = pattern[index - 1];
        this.parts.push(previous === "." || previous === "," ? "fraction" : "milliseconds");
        source += "(\\d{1,9})";
        index = end;
        continue;
      }
      const token = TOKENS.find((candidate) => pattern.startsWith(candidate.source, index));
      if (token !== undefined) {
        // Packed digits (`yyMMdd`) need fixed widths; elsewhere one digit is accepted too.
        const neighbours = `${pattern[index - 1] ?? ""}${pattern[index + token.source.length] ?? ""}`;
        const packed = /[yMdHmsS]/.test(neighbours);
        source += packed && token.source.length === 2 ? "(\\d{2})" : token.pattern;
        if (token.part !== null) this.parts.push(token.part);
        index += token.source.length;
      } else if (/\s/.test(character)) {
        while (index < pattern.length && /\s/.test(pattern[index] as string)) index += 1;
        source += "\\s+";
      } else {
        source += escapeRegExp(character);
        index += 1;
      }
    }
    if (
      !this.parts.some(
        (part) => part === "month" || part === "monthName" || part === "day" || part === "hour",
      )
    )
      throw new ConfigError(
        option,
        pattern,
        'a date pattern with month, day or hour tokens, such as "yyMMdd HHmmss" or "yyyy-MM-dd HH:mm:ss,SSS"',
      );
    this.hasYear = this.parts.includes("year4") || this.parts.includes("year2");
    this.regex = new RegExp(`^${source}$`);
  }

  /**
   * Rewrites `text` to naive ISO `YYYY-MM-DDTHH:mm:ss.SSS` (two-digit years
   * are 20yy) or, without a year in the pattern, `MM-DD HH:mm:ss.SSS`.
   * Returns null when `text` does not fit the pattern (or names no month).
   */
  format(text: string): string | null {
    const match = this.regex.exec(text);
    if (match === null) return null;
    let year = "";
    let month = "01";
    let day = "01";
    let hour = "00";
    let minute = "00";
    let second = "00";
    let milliseconds = "000";
    for (let index = 0; index < this.parts.length; index += 1) {
      const value = match[index + 1] as string;
      switch (this.parts[index]) {
        case "year4":
          year = value;
          break;
        case "year2":
          year = `20${value}`;
          break;
        case "monthName": {
          const number = MONTHS.indexOf(value.toLowerCase()) + 1;
          if (number === 0) return null;
          month = pad2(String(number));
          break;
        }
        case "month":
          month = pad2(value);
          break;
        case "day":
          day = pad2(value);
          break;
        case "hour":
          hour = pad2(value);
          break;
        case "minute":
          minute = pad2(value);
          break;
        case "second":
          second = pad2(value);
          break;
        case "fraction":
          milliseconds = value.length >= 3 ? value.slice(0, 3) : value.padEnd(3, "0");
          break;
        case "milliseconds":
          milliseconds = value.length >= 3 ? value : value.padStart(3, "0");
          break;
        default:
          break;
      }
    }
    const time = `${hour}:${minute}:${second}.${milliseconds}`;
    return year === "" ? `${month}-${day} ${time}` : `${year}-${month}-${day}T${time}`;
  }
}
