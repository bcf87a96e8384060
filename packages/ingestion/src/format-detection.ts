import type { RecordFormat } from "@logfeat/schema";
import { looksLikeCsv } from "./csv-sniffing.js";

/** The format each file extension means (after a `.gz` suffix is stripped), lower case. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, RecordFormat>> = {
  ".txt": "text",
  ".log": "text",
  ".json": "json",
  ".jsonl": "json",
  ".ndjson": "json",
  ".csv": "csv",
  ".tsv": "csv",
};

/** The delimiter an extension implies (`.tsv` -> tab); others are detected. */
export const DELIMITER_BY_EXTENSION: Readonly<Record<string, string>> = { ".tsv": "\t" };

/** How many bytes format sniffing looks at, at most. */
export const SNIFF_BYTES = 64 * 1024;

/** The extension of a file name, lower case, after stripping `.gz` (`"app.LOG.gz"` -> `".log"`), or `""`. */
export function extensionOf(name: string): string {
  let lower = name.toLowerCase();
  if (lower.endsWith(".gz")) lower = lower.slice(0, -3);
  const slash = Math.max(lower.lastIndexOf("/"), lower.lastIndexOf("\\"));
  const dot = lower.lastIndexOf(".");
  return dot > slash + 1 ? lower.slice(dot) : "";
}

/** The format a file name implies, or null when its extension says nothing. */
export function formatFromName(name: string): RecordFormat | null {
  return FORMAT_BY_EXTENSION[extensionOf(name)] ?? null;
}

function looksLikeJson(text: string, start: number): boolean {
  const first = text[start];
  let next = start + 1;
  while (next < text.length && /\s/.test(text[next] as string)) next += 1;
  const second = text[next];
  if (first === "[") return second === "{" || second === "]" || second === undefined;
  if (first !== "{") return false;
  if (second === '"' || second === "}" || second === undefined) return true;
  const lineEnd = text.indexOf("\n", start);
  try {
    JSON.parse(text.slice(start, lineEnd === -1 ? text.length : lineEnd));
    return true;
  } catch {
    return false;
  }
}

/**
 * The format of a stream whose name says nothing, from its first bytes
 * (decoded, up to SNIFF_BYTES): a first value that starts `{"`/`{}` or a
 * first line that parses as a JSON object, or `[` followed by `{`/`]` ->
 * json; a header row plus rows with a consistent delimiter -> csv; else
 * text. `complete` says whether the sample is the whole stream (else its
 * last, possibly cut, line is ignored).
 */
export function sniffFormat(sample: string, complete: boolean): RecordFormat {
  let text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  if (!complete) {
    const lastLineFeed = text.lastIndexOf("\n");
    text = lastLineFeed === -1 ? text : text.slice(0, lastLineFeed + 1);
  }
  const start = text.search(/\S/);
  if (start === -1) return "text";
  if (looksLikeJson(text, start)) return "json";
  return looksLikeCsv(text.slice(start)) ? "csv" : "text";
}
