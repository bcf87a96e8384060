// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import { createNormalizer, messageHash, normalizeTimestamp } from "@logfeat/normalizers";

assert.equal(
  normalizeTimestamp("2025-03-30 02:30:00", { timeZone: "Europe/Berlin" }),
  Date.UTC(2025, 2, 30, 1, 30),
);
assert.equal(messageHash("foobar"), "85944171f73967e8");
const result = createNormalizer().normalizeBatch([
  {
    source: "a.log",
    line: 1,
    format: "text",
    timestamp: "2025-02-07T10:15:30Z",
    level: "warn",
    service: "API",
    message: "took 5ms",
    extra: {},
  },
  { source: "a.log", line: 2, format: "text", timestamp: "nope", message: "x", extra: {} },
]);
assert.equal(result.entries.length, 1);
assert.equal(result.entries[0].metadata.message_template, "took <*>");
assert.deepEqual(result.skippedByCode, { invalid_timestamp: 1 });
