// Peak RSS of streaming 10M synthetic entries through createAggregator with
// retainLogs: false. Entries are generated on the fly in batches of 4096, so
// memory is the aggregator's (open windows) plus one batch.
// Run after building: `pnpm --filter @logfeat/aggregation bench:memory`.
import { createAggregator } from "@logfeat/aggregation";
import { generateEntries } from "./generate-entries.mjs";

const TOTAL = Number(process.argv[2] ?? 10_000_000);
const BATCH = 4096;

const aggregator = createAggregator({ retainLogs: false });
let windows = 0;
let events = 0;
const started = process.hrtime.bigint();
for (let from = 0; from < TOTAL; from += BATCH) {
  for (const window of aggregator.addBatch(generateEntries(from, Math.min(BATCH, TOTAL - from)))) {
    windows += 1;
    events += window.summary?.total_events ?? 0;
  }
}
for (const window of aggregator.flush()) {
  windows += 1;
  events += window.summary?.total_events ?? 0;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const late = aggregator.accounting().skipped;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    entries: TOTAL,
    windows,
    events,
    late,
    seconds: Number(seconds.toFixed(2)),
    entriesPerSecond: Math.round(TOTAL / seconds),
    maxRssMb: Number(maxRssMb.toFixed(1)),
  }),
);
if (events + late !== TOTAL) throw new Error(`lost entries: ${events} + ${late} != ${TOTAL}`);
