import { CORPUS_DIRECTORY, readBenchOptions } from "./bench-options.js";
import { CORPUS_FORMATS, type CorpusFormat } from "./corpus-formats.js";
import { corpusFilePath, ensureCorpus } from "./corpus-writer.js";

const args = process.argv.slice(2);
const options = readBenchOptions(args, process.env);
const formatsIndex = args.indexOf("--formats");
const formats = (formatsIndex >= 0 ? (args[formatsIndex + 1] ?? "") : CORPUS_FORMATS.join(","))
  .split(",")
  .map((format) => format.trim()) as CorpusFormat[];
const unknown = formats.filter((format) => !CORPUS_FORMATS.includes(format));
if (unknown.length > 0)
  throw new Error(
    `--formats: expected some of ${CORPUS_FORMATS.join(",")}, received ${unknown.join(",")}`,
  );
const started = performance.now();
const { manifest, reused } = ensureCorpus(CORPUS_DIRECTORY, options, formats);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${reused ? "reused" : `generated in ${seconds.toFixed(1)} s`}: ${manifest.records} records, ` +
    `${manifest.malformed} malformed, ${manifest.outOfOrder} out of order (seed ${manifest.seed})\n`,
);
for (const format of CORPUS_FORMATS) {
  const file = manifest.files[format];
  if (file !== undefined)
    process.stdout.write(
      `  ${format.padEnd(5)} ${(file.bytes / 1e6).toFixed(1).padStart(8)} MB  ${corpusFilePath(CORPUS_DIRECTORY, manifest, format)}\n`,
    );
}
