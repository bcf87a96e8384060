/** A header cell that would not survive as an own property of a plain object. */
const RESERVED_NAMES = new Set(["__proto__"]);

/** A CSV header with its column names made usable as payload keys. */
export interface CsvHeader {
  /** One key per column, unique. */
  names: string[];
  /** The columns whose name was changed (empty, repeated or reserved), as `original -> new` text. */
  renamed: string[];
}

/**
 * Column names from a header row: cells are trimmed; an empty cell becomes
 * `column_<n>` (1-based position); a repeated or reserved name gets `_1`,
 * `_2`... (the first unused suffix), as papaparse does.
 */
export function buildCsvHeader(cells: readonly string[]): CsvHeader {
  const used = new Set<string>();
  const names: string[] = [];
  const renamed: string[] = [];
  cells.forEach((cell, index) => {
    const trimmed = cell.trim();
    let name = trimmed === "" ? `column_${index + 1}` : trimmed;
    if (used.has(name) || RESERVED_NAMES.has(name)) {
      let suffix = 1;
      while (used.has(`${name}_${suffix}`)) suffix += 1;
      name = `${name}_${suffix}`;
    }
    if (name !== trimmed) renamed.push(`${JSON.stringify(trimmed)} -> ${JSON.stringify(name)}`);
    used.add(name);
    names.push(name);
  });
  return { names, renamed };
}
