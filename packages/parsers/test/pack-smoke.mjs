// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import { createParser, listLayouts, parseLog } from "@logfeat/parsers";

const parsed = parseLog({
  source: "app.log",
  line: 1,
  format: "text",
  payload:
    "2025-02-07T10:15:30.123Z ERROR [api-server] DB timeout duration_ms=523 request_id=req-42",
});
assert.equal(parsed?.service, "api-server");
assert.equal(parsed?.message, "DB timeout");
assert.equal(parsed?.duration_field, "duration_ms");

const hdfs = createParser({ layout: "loghub:HDFS" }).parseBatch([
  {
    source: "HDFS_2k.log",
    line: 1,
    format: "text",
    payload: "081109 203615 148 INFO dfs.DataNode: done",
  },
  { source: "HDFS_2k.log", line: 2, format: "text", payload: "not hdfs" },
]);
assert.equal(hdfs.parsed[0]?.timestamp, "2008-11-09T20:36:15.000");
assert.deepEqual(hdfs.skippedByCode, { no_layout_match: 1 });
assert.ok(listLayouts().some((layout) => layout.name === "loghub:Zookeeper"));
