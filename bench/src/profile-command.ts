import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  CORPUS_DIRECTORY,
  REPO_DIRECTORY,
  RESULTS_DIRECTORY,
  readBenchOptions,
  UNBUNDLED_CLI_PATH,
} from "./bench-options.js";
import { CORPUS_FORMATS, type CorpusFormat } from "./corpus-formats.js";
import { corpusFilePath, ensureCorpus } from "./corpus-writer.js";
import { summarizeCpuProfile } from "./cpu-profile-summary.js";
import { BENCH_NOW } from "./end-to-end.js";
import { runMeasured } from "./measured-process.js";

const args = process.argv.slice(2);
const options = readBenchOptions(args, process.env);
const formatIndex = args.indexOf("--format");
const format = (formatIndex >= 0 ? args[formatIndex + 1] : "text") as CorpusFormat;
if (!CORPUS_FORMATS.includes(format))
  throw new Error(`--format: expected one of ${CORPUS_FORMATS.join(", ")}`);
const extra = args.includes("--no-retain-logs") ? ["--no-retain-logs"] : [];

const { manifest } = ensureCorpus(CORPUS_DIRECTORY, options);
const input = corpusFilePath(CORPUS_DIRECTORY, manifest, format);
const directory = join(RESULTS_DIRECTORY, "profiles");
rmSync(directory, { recursive: true, force: true });
mkdirSync(directory, { recursive: true });
const measurement = await runMeasured([
  "--cpu-prof",
  "--cpu-prof-dir",
  directory,
  UNBUNDLED_CLI_PATH,
  "run",
  input,
  "--quiet",
  "--output",
  "jsonl",
  "--out",
  "/dev/null",
  "--now",
  BENCH_NOW,
  ...extra,
]);
if (measurement.exitCode !== 0) throw new Error(`logfeat run failed: ${measurement.stderr}`);
const profile = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
if (profile === undefined) throw new Error(`no .cpuprofile written in ${directory}`);
const summary = summarizeCpuProfile(join(directory, profile), REPO_DIRECTORY, 30);
const line = (entry: { selfMs: number; share: number; location: string }): string =>
  `${entry.selfMs.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.location}\n`;
process.stdout.write(
  `logfeat run ${format} ${extra.join(" ")}: ${measurement.seconds.toFixed(2)} s wall (profiled, slower than unprofiled), ` +
    `${summary.totalMs.toFixed(0)} ms sampled\nprofile: ${join(directory, profile)}\n\nself time by package\n`,
);
for (const entry of summary.groups) process.stdout.write(line(entry));
process.stdout.write("\nself time by function (file:line in dist)\n");
for (const entry of summary.functions) process.stdout.write(line(entry));
