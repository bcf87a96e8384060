import { buildMixedCorpus, timeMixedNormalization } from "./mixed-timestamps.js";
import {
  collectEntries,
  measureInMemoryStages,
  measureStreamedStages,
  type StageTiming,
  type StreamedTimings,
  stageRun,
} from "./stage-timings.js";

const [path, runsText, nowText] = process.argv.slice(2);
const runs = Number(runsText ?? "1");
if (path === undefined || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write("usage: stages-command.js <file> [runs] [now ISO instant]\n");
  process.exit(2);
}
const now = Date.parse(nowText ?? "2025-01-01T00:00:00Z");
// Streamed passes first, on a heap that holds nothing else; then the
// mixed-timestamp normalization on parsed records prepared once (and dropped);
// then the in-memory stages on entries collected once.
const streamed: StreamedTimings[] = [];
for (let run = 0; run < runs; run++) streamed.push(await measureStreamedStages(path, now));
const mixed: StageTiming[] = [];
{
  const corpus = await buildMixedCorpus(path);
  for (let run = 0; run < runs; run++) {
    const timing = timeMixedNormalization(corpus, now);
    // Same instants as the plain corpus: the same records must come out.
    if (timing.entries !== streamed[0]?.entries)
      throw new Error(
        `mixed timestamps: ${timing.entries} entries, ${streamed[0]?.entries} without`,
      );
    mixed.push({ records: timing.records, seconds: timing.seconds });
  }
}
const entries = await collectEntries(path, now);
const results = streamed.map((timings, run) =>
  stageRun(timings, mixed[run] as StageTiming, measureInMemoryStages(entries, now)),
);
process.stdout.write(`${JSON.stringify(results)}\n`);
