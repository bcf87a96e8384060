import { bench, describe } from "vitest";
import { aggregateLogs, createAggregator } from "../src/index.js";
// @ts-expect-error plain-JS generator shared with the memory script
import { generateEntries } from "./generate-entries.mjs";

const ENTRIES = 1_000_000;
const entries = generateEntries(0, ENTRIES);

// entries/s = hz * 1,000,000
describe(`aggregate ${ENTRIES} entries over 8 services, 300 s windows`, () => {
  bench(
    "aggregateLogs retainLogs: true",
    () => {
      aggregateLogs(entries);
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    "aggregateLogs retainLogs: false",
    () => {
      aggregateLogs(entries, { retainLogs: false });
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    "createAggregator retainLogs: false, batches of 4096",
    () => {
      const aggregator = createAggregator({ retainLogs: false });
      for (let index = 0; index < ENTRIES; index += 4096)
        aggregator.addBatch(entries.slice(index, index + 4096));
      aggregator.flush();
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    "aggregateLogs 86400 s windows in Europe/Berlin",
    () => {
      aggregateLogs(entries, {
        windowSizeSeconds: 86400,
        timeZone: "Europe/Berlin",
        retainLogs: false,
      });
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
