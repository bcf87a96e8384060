import type {
  BenchResults,
  EndToEndFigure,
  FormatResults,
  ProcessFigure,
} from "./bench-results.js";
import { CORPUS_FORMATS, type CorpusFormat } from "./corpus-formats.js";
import { modeLabel } from "./end-to-end.js";
import { STAGES, type Stage } from "./stage-timings.js";

const LABEL_WIDTH = 34;
const CELL_WIDTH = 22;

const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  ingestion: "stage: ingestion",
  parsing: "stage: parsing",
  normalization: "stage: normalization",
  normalizationMixed: "stage: normalization, mixed times",
  aggregation: "stage: aggregation",
  aggregationNoRetain: "stage: aggregation, no retain",
  features: "stage: features",
};

function rate(recordsPerSecond: number): string {
  return `${(recordsPerSecond / 1e6).toFixed(2)} M/s`;
}

function timed(figure: ProcessFigure): string {
  return `${figure.seconds.toFixed(2)} s  ${rate(figure.recordsPerSecond)}`;
}

function mebibytes(figure: ProcessFigure): string {
  return figure.peakRssMib === null ? "n/a" : `${Math.round(figure.peakRssMib)} MiB`;
}

function row(label: string, cells: readonly string[]): string {
  return `${label.padEnd(LABEL_WIDTH)}${cells.map((cell) => cell.padEnd(CELL_WIDTH)).join("")}`.trimEnd();
}

function endToEndKeys(results: BenchResults, formats: readonly CorpusFormat[]): string[] {
  const keys: string[] = [];
  for (const format of formats)
    for (const figure of results.formats[format]?.endToEnd ?? [])
      if (!keys.includes(modeLabel(figure))) keys.push(modeLabel(figure));
  return keys;
}

/** The figures as a plain-text table: one column per format, one row per measure. */
export function formatResultsTable(results: BenchResults): string {
  const formats = CORPUS_FORMATS.filter((format) => results.formats[format] !== undefined);
  const per = (cell: (format: FormatResults) => string): string[] =>
    formats.map((format) => cell(results.formats[format] as FormatResults));
  const lines: string[] = [];
  const { machine, options } = results;
  lines.push(
    `logfeat bench: ${options.records.toLocaleString("en-US")} records per format, median of ${options.runs} run(s); ` +
      `Node ${machine.node}, ${machine.cpus} CPUs, load ${machine.loadAverage.start.toFixed(1)} -> ${machine.loadAverage.end.toFixed(1)}`,
  );
  lines.push("");
  lines.push(
    row(
      "",
      formats.map(
        (format) =>
          `${format} (${((results.formats[format]?.file.bytes ?? 0) / 1e6).toFixed(0)} MB)`,
      ),
    ),
  );
  lines.push(
    row(
      "raw limit (whole process)",
      per((format) => timed(format.rawLimit)),
    ),
  );
  for (const stage of STAGES)
    lines.push(
      row(
        STAGE_LABELS[stage],
        per((format) => rate(format.stages[stage].recordsPerSecond)),
      ),
    );
  for (const key of endToEndKeys(results, formats)) {
    const figure = (format: FormatResults): EndToEndFigure | undefined =>
      format.endToEnd.find((candidate) => modeLabel(candidate) === key);
    const cells = (cell: (found: EndToEndFigure) => string): string[] =>
      per((format) => {
        const found = figure(format);
        return found === undefined ? "-" : cell(found);
      });
    lines.push(row(`logfeat run ${key}`, cells(timed)));
    lines.push(row("  peak RSS", cells(mebibytes)));
    lines.push(
      row(
        "  end-to-end / raw limit",
        cells((found) => (found.ratioToRaw === null ? "-" : `${found.ratioToRaw.toFixed(2)}x`)),
      ),
    );
  }
  lines.push(
    row(
      "DuckDB SQL, same aggregation",
      per((format) => (format.duckdb === null ? "skipped" : timed(format.duckdb))),
    ),
  );
  lines.push(
    row(
      "  peak RSS",
      per((format) => (format.duckdb === null ? "-" : mebibytes(format.duckdb))),
    ),
  );
  lines.push(
    row(
      "  windows differing from logfeat",
      per((format) =>
        format.duckdb === null ? "-" : String(format.duckdb.windowsDifferingFromLogfeat),
      ),
    ),
  );
  lines.push("");
  lines.push(
    `output: ${results.checks.identicalOutput ? "byte-identical across formats, modes and worker counts" : `DIFFERS: ${results.checks.outputHashes.length} distinct outputs`}`,
  );
  if (results.tenMillion !== null)
    for (const figure of results.tenMillion.runs)
      lines.push(
        `${results.tenMillion.records.toLocaleString("en-US")} ${results.tenMillion.format} records, ${modeLabel(figure)}: ${timed(figure)}, peak RSS ${mebibytes(figure)}`,
      );
  if (results.distributed !== null)
    for (const row of results.distributed.rows)
      lines.push(
        `distributed, ${row.path}: ${row.seconds.toFixed(2)} s, ${Math.round(row.recordsPerSecond).toLocaleString("en-US")} records/s, ${row.ratioToRun.toFixed(2)}x run`,
      );
  for (const note of results.notes) lines.push(`note: ${note}`);
  return `${lines.join("\n")}\n`;
}
