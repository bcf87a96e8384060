// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import { aggregateLogs, alignTimestampToWindow, createAggregator } from "@logfeat/aggregation";
import { AggregationError } from "@logfeat/schema";

const entry = {
  timestamp: Date.UTC(2025, 1, 7, 10, 16),
  level: "ERROR",
  service: "api",
  message: "timeout",
  duration_ms: 5,
  error_code: "DB_TIMEOUT",
  request_id: null,
  source: "a.log",
  line: 1,
  metadata: { message_hash: "00000000000000aa" },
};
const windows = aggregateLogs([entry]);
assert.deepEqual(windows.keys(), ["2025-02-07T10:15:00.000Z|api"]);
assert.equal(windows.values()[0].summary.level_counts.ERROR, 1);
assert.equal(
  alignTimestampToWindow(Date.UTC(2025, 2, 30, 12), 86400, { timeZone: "Europe/Berlin" }),
  Date.UTC(2025, 2, 29, 23),
);
const aggregator = createAggregator({ retainLogs: false });
aggregator.add(entry);
assert.equal(aggregator.flush()[0].logs, null);
assert.throws(() => aggregateLogs([], { windowSizeSeconds: 0 }), AggregationError);
