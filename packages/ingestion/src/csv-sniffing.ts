import Papa from "papaparse";

/** Delimiters tried when none is given, in order of preference on a tie. */
const DELIMITER_CANDIDATES: readonly string[] = [",", "\t", ";", "|"];

/** How many rows (header included) delimiter detection and sniffing look at. */
export const SNIFF_ROWS = 11;

/** A CSV header cell: starts with a letter, `_`, `@` or `#`; then letters, digits, spaces and `_ . - / ( ) @ # $`. */
const HEADER_CELL = /^[\p{L}_@#][\p{L}\p{N} _.\-/()@#$]{0,63}$/u;

interface Candidate {
  delimiter: string;
  rows: string[][];
  consistent: boolean;
}

function candidates(sample: string): Candidate[] {
  return DELIMITER_CANDIDATES.map((delimiter) => {
    const rows = Papa.parse<string[]>(sample, {
      delimiter,
      preview: SNIFF_ROWS,
      skipEmptyLines: "greedy",
    }).data.filter((row) => row.length > 0);
    const width = rows[0]?.length ?? 0;
    return { delimiter, rows, consistent: width >= 2 && rows.every((row) => row.length === width) };
  });
}

function width(candidate: Candidate): number {
  return candidate.rows[0]?.length ?? 0;
}

function best(found: Candidate[]): Candidate | undefined {
  let chosen: Candidate | undefined;
  for (const candidate of found)
    if (chosen === undefined || width(candidate) > width(chosen)) chosen = candidate;
  return chosen;
}

/**
 * The delimiter of a CSV sample (its first complete rows): the candidate
 * that splits every sampled row into the same number (>= 2) of fields, the
 * widest if several do; else the one splitting the header widest; else `,`.
 */
export function detectDelimiter(sample: string): string {
  const found = candidates(sample);
  const consistent = best(found.filter((candidate) => candidate.consistent));
  if (consistent !== undefined) return consistent.delimiter;
  const widest = best(found.filter((candidate) => width(candidate) >= 2));
  return widest?.delimiter ?? ",";
}

/**
 * True when a sample (the first complete lines of a stream) looks like CSV:
 * for some candidate delimiter the first row has >= 2 cells that all look
 * like column names, and at least one more row has exactly as many fields.
 */
export function looksLikeCsv(sample: string): boolean {
  return candidates(sample).some(
    (candidate) =>
      candidate.consistent &&
      candidate.rows.length >= 2 &&
      (candidate.rows[0] ?? []).every((cell) => HEADER_CELL.test(cell.trim())),
  );
}
