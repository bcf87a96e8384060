import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import {
  BENCH_DIRECTORY,
  type BenchOptions,
  CORPUS_DIRECTORY,
  DEFAULT_RECORDS,
  RESULTS_DIRECTORY,
  readBenchOptions,
} from "./bench-options.js";
import type {
  BenchResults,
  DuckdbFigure,
  EndToEndFigure,
  FormatResults,
  ProcessFigure,
  TenMillionResult,
  TimedFigure,
} from "./bench-results.js";
import { CORPUS_FORMATS, type CorpusFormat } from "./corpus-formats.js";
import { type CorpusManifest, corpusFilePath, ensureCorpus } from "./corpus-writer.js";
import { measureDistributed, redisServerAvailable } from "./distributed-run.js";
import { countDifferingWindows, readJsonLines } from "./duckdb-comparison.js";
import { DUCKDB_THREADS } from "./duckdb-query.js";
import {
  BENCH_NOW,
  type EndToEndMode,
  type EndToEndRun,
  modeLabel,
  resolveModes,
  runEndToEnd,
} from "./end-to-end.js";
import { type ProcessMeasurement, RSS_METHOD, runMeasured } from "./measured-process.js";
import { formatResultsTable } from "./results-table.js";
import { STAGES, type Stage, type StageRun } from "./stage-timings.js";
import { median } from "./statistics.js";

const DIST = join(BENCH_DIRECTORY, "dist");
const SCRATCH = join(RESULTS_DIRECTORY, "scratch");
const TEN_MILLION = 10_000_000;
const PROBE_RECORDS = 1000;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function processFigure(runs: readonly ProcessMeasurement[], records: number): ProcessFigure {
  const seconds = median(runs.map((run) => run.seconds));
  const rss = runs.flatMap((run) => (run.peakRssKib === null ? [] : [run.peakRssKib / 1024]));
  return {
    seconds,
    recordsPerSecond: records / seconds,
    runSeconds: runs.map((run) => run.seconds),
    peakRssMib: rss.length === 0 ? null : median(rss),
  };
}

function endToEndFigure(
  mode: EndToEndMode,
  runs: readonly EndToEndRun[],
  rawSeconds: number | null,
): EndToEndFigure {
  const last = runs[runs.length - 1] as EndToEndRun;
  const figure = processFigure(runs, last.ledger.records_in);
  return {
    ...figure,
    retainLogs: mode.retainLogs,
    workers: mode.workers,
    workersFlag: mode.workersFlag,
    ratioToRaw: rawSeconds === null ? null : figure.seconds / rawSeconds,
    ledger: last.ledger,
    outputSha256: last.outputSha256,
  };
}

async function checked(
  nodeArguments: readonly string[],
  what: string,
): Promise<ProcessMeasurement> {
  const measurement = await runMeasured(nodeArguments);
  if (measurement.exitCode !== 0)
    throw new Error(
      `${what} exited with ${measurement.exitCode}: ${measurement.stderr.slice(0, 2000)}`,
    );
  return measurement;
}

async function measureStagesOf(path: string, runs: number): Promise<Record<Stage, TimedFigure>> {
  const measurement = await checked(
    [
      "--expose-gc",
      "--max-old-space-size=8192",
      join(DIST, "stages-command.js"),
      path,
      String(runs),
      BENCH_NOW,
    ],
    `stages on ${path}`,
  );
  const stageRuns = JSON.parse(measurement.stdout) as StageRun[];
  const figures = {} as Record<Stage, TimedFigure>;
  for (const stage of STAGES) {
    const timings = stageRuns.map((run) => run.stages[stage]);
    const seconds = median(timings.map((timing) => timing.seconds));
    figures[stage] = {
      seconds,
      recordsPerSecond: (timings[0]?.records ?? 0) / seconds,
      runSeconds: timings.map((timing) => timing.seconds),
    };
  }
  return figures;
}

async function duckdbAvailable(): Promise<string | null> {
  try {
    await import("@duckdb/node-api");
    return null;
  } catch (error) {
    return `DuckDB skipped: @duckdb/node-api does not load here (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function measureFormat(
  format: CorpusFormat,
  manifest: CorpusManifest,
  options: BenchOptions,
  modes: readonly EndToEndMode[],
  withDuckdb: boolean,
): Promise<FormatResults> {
  const path = corpusFilePath(CORPUS_DIRECTORY, manifest, format);
  const scratch = join(SCRATCH, format);
  mkdirSync(scratch, { recursive: true });
  log(`${format}: stages alone (${options.runs} runs, in process)`);
  const stages = await measureStagesOf(path, options.runs);

  const raw: ProcessMeasurement[] = [];
  const duckdb: ProcessMeasurement[] = [];
  const endToEnd = new Map<EndToEndMode, EndToEndRun[]>(modes.map((mode) => [mode, []]));
  let duckdbSummary = { windows: 0, totalEvents: 0 };
  const duckdbRows = join(scratch, "duckdb.jsonl");
  for (let run = 1; run <= options.runs; run++) {
    const rawRun = await checked(
      [join(DIST, "raw-limit-command.js"), format, path],
      `raw limit on ${path}`,
    );
    raw.push(rawRun);
    log(`${format} run ${run}/${options.runs}: raw limit ${rawRun.seconds.toFixed(2)} s`);
    for (const mode of modes) {
      const measured = await runEndToEnd(path, mode, scratch);
      endToEnd.get(mode)?.push(measured);
      log(
        `${format} run ${run}/${options.runs}: logfeat ${modeLabel(mode)} ${measured.seconds.toFixed(2)} s, ` +
          `${measured.peakRssKib === null ? "?" : Math.round(measured.peakRssKib / 1024)} MiB`,
      );
    }
    if (withDuckdb) {
      const duckdbRun = await checked(
        [join(DIST, "duckdb-command.js"), format, path, duckdbRows],
        `DuckDB on ${path}`,
      );
      duckdb.push(duckdbRun);
      duckdbSummary = JSON.parse(duckdbRun.stdout) as typeof duckdbSummary;
      log(`${format} run ${run}/${options.runs}: DuckDB ${duckdbRun.seconds.toFixed(2)} s`);
    }
  }
  const rawLimit = processFigure(raw, manifest.records);
  const endToEndFigures = modes.map((mode) =>
    endToEndFigure(mode, endToEnd.get(mode) ?? [], rawLimit.seconds),
  );
  let duckdbFigure: DuckdbFigure | null = null;
  const first = modes[0];
  if (withDuckdb && first !== undefined) {
    const features = join(
      scratch,
      `${first.retainLogs ? "retain" : "no-retain"}-w${first.workers}.jsonl`,
    );
    duckdbFigure = {
      ...processFigure(duckdb, manifest.records),
      threads: DUCKDB_THREADS,
      ...duckdbSummary,
      windowsDifferingFromLogfeat: countDifferingWindows(
        readJsonLines(features),
        readJsonLines(duckdbRows),
      ),
    };
  }
  const file = manifest.files[format] ?? { name: "", bytes: 0 };
  return { file, rawLimit, stages, endToEnd: endToEndFigures, duckdb: duckdbFigure };
}

async function measureTenMillion(
  options: BenchOptions,
  modes: readonly EndToEndMode[],
): Promise<TenMillionResult> {
  log(`10M: corpus (text only; generated once, then reused)`);
  const { manifest } = ensureCorpus(
    CORPUS_DIRECTORY,
    { records: TEN_MILLION, seed: options.seed },
    ["text"],
  );
  const path = corpusFilePath(CORPUS_DIRECTORY, manifest, "text");
  const scratch = join(SCRATCH, "ten-million");
  mkdirSync(scratch, { recursive: true });
  const runs: EndToEndFigure[] = [];
  for (const mode of modes.filter((candidate) => !candidate.retainLogs)) {
    const measured = await runEndToEnd(path, mode, scratch);
    log(
      `10M ${modeLabel(mode)}: ${measured.seconds.toFixed(1)} s, ${Math.round((measured.peakRssKib ?? 0) / 1024)} MiB`,
    );
    runs.push(endToEndFigure(mode, [measured], null));
  }
  return {
    records: TEN_MILLION,
    format: "text",
    file: manifest.files.text ?? { name: "", bytes: 0 },
    runs,
  };
}

const options = readBenchOptions(process.argv.slice(2), process.env);
const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
rmSync(SCRATCH, { recursive: true, force: true });
mkdirSync(SCRATCH, { recursive: true });

log(`corpus: ${options.records} records, seed ${options.seed}`);
const { manifest, reused } = ensureCorpus(CORPUS_DIRECTORY, options);
log(
  `corpus ${reused ? "reused" : "generated"}: ${manifest.malformed} malformed, ${manifest.outOfOrder} out of order`,
);
const probe = ensureCorpus(CORPUS_DIRECTORY, {
  records: PROBE_RECORDS,
  seed: options.seed,
}).manifest;
const { modes, notes } = await resolveModes(
  options.workers,
  corpusFilePath(CORPUS_DIRECTORY, probe, "text"),
  SCRATCH,
);
for (const note of notes) log(`note: ${note}`);
let withDuckdb = !options.skipDuckdb;
if (options.skipDuckdb) notes.push("DuckDB skipped (--skip-duckdb / BENCH_SKIP_DUCKDB)");
else {
  const unavailable = await duckdbAvailable();
  if (unavailable !== null) {
    withDuckdb = false;
    notes.push(unavailable);
    log(unavailable);
  }
}

const formats: BenchResults["formats"] = {};
for (const format of CORPUS_FORMATS)
  formats[format] = await measureFormat(format, manifest, options, modes, withDuckdb);
const tenMillion = options.tenMillion ? await measureTenMillion(options, modes) : null;
let distributed: BenchResults["distributed"] = null;
if (options.skipDistributed)
  notes.push("distributed path skipped (--skip-distributed / BENCH_SKIP_DISTRIBUTED)");
else if (!redisServerAvailable())
  notes.push("distributed path skipped: no redis-server on the PATH");
else {
  log("distributed: logfeat submit + workers + collect on a private redis-server");
  mkdirSync(SCRATCH, { recursive: true });
  distributed = measureDistributed(
    corpusFilePath(CORPUS_DIRECTORY, manifest, "text"),
    options.workers,
    options.runs,
    SCRATCH,
  );
}

const hashes = new Set<string>();
for (const format of CORPUS_FORMATS)
  for (const figure of formats[format]?.endToEnd ?? []) hashes.add(figure.outputSha256);
const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    totalMemoryGib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  },
  options: {
    records: options.records,
    seed: options.seed,
    runs: options.runs,
    workers: options.workers,
  },
  rssMethod: RSS_METHOD,
  corpus: {
    records: manifest.records,
    malformed: manifest.malformed,
    outOfOrder: manifest.outOfOrder,
    seed: manifest.seed,
  },
  formats,
  checks: { identicalOutput: hashes.size === 1, outputHashes: [...hashes] },
  tenMillion,
  distributed,
  notes,
  wallSeconds: Math.round((performance.now() - started) / 100) / 10,
};
mkdirSync(RESULTS_DIRECTORY, { recursive: true });
// Only a run at the default size is the committed `latest.json`; other sizes go beside it (ignored).
const resultsFile = join(
  RESULTS_DIRECTORY,
  options.records === DEFAULT_RECORDS ? "latest.json" : `latest-${options.records}.json`,
);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(formatResultsTable(results));
log(`written: ${resultsFile} (${results.wallSeconds} s in all)`);
