// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import {
  computeBaseline,
  extractFeaturesFromWindows,
  FEATURE_CSV_HEADER,
  FeatureTransformer,
  parseBaseline,
  serializeBaseline,
} from "@logfeat/features";

const start = Date.UTC(2025, 1, 7, 10, 15);
const log = (level, duration_ms, offset) => ({
  timestamp: start + offset,
  level,
  service: "api",
  message: "m",
  duration_ms,
  error_code: null,
  request_id: null,
  source: "smoke.log",
  line: offset + 1,
  metadata: { message_hash: "0000000000000001" },
});
const window = {
  window_start: start,
  window_end: start + 300_000,
  window_size_seconds: 300,
  service: "api",
  logs: [log("INFO", 80, 0), log("ERROR", 120, 1), log("CRITICAL", 523, 2), log("DEBUG", null, 3)],
  summary: null,
};
const { features, skipped } = extractFeaturesFromWindows([window, { ...window, service: "db" }], {
  now: start,
});
assert.equal(skipped, 1);
assert.equal(features[0].error_rate, 0.5);
assert.equal(features[0].p95_duration_ms, 482.7);
assert.equal(new FeatureTransformer(features).getStatistics("error_rate").mean, 0.5);
const text = serializeBaseline(computeBaseline(features, { now: start }));
assert.deepEqual(parseBaseline(text).global.error_rate.count, 1);
assert.ok(FEATURE_CSV_HEADER.startsWith("window_start,service,"));
