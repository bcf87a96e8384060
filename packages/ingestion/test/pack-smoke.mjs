// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CSVLogSource, ingestLogs, LogSourceError } from "@logfeat/ingestion";

const folder = mkdtempSync(join(tmpdir(), "ingestion-smoke-"));
try {
  const path = join(folder, "app.log.gz");
  writeFileSync(
    path,
    gzipSync("2025-02-07T10:15:30Z ERROR [api] boom\n\tat a.B.c(B.java:1)\nnext\n"),
  );
  const source = ingestLogs(path);
  const records = [];
  for await (const chunk of source.chunks()) records.push(...chunk);
  assert.equal(source.format, "text");
  assert.deepEqual(
    records.map((record) => [record.line, record.payload]),
    [
      [1, "2025-02-07T10:15:30Z ERROR [api] boom\n\tat a.B.c(B.java:1)"],
      [3, "next"],
    ],
  );

  const csv = new CSVLogSource({ text: "a;b\n1;2\n3\n" }, { delimiter: ";" });
  const rows = [];
  for await (const record of csv) rows.push(record.payload);
  assert.deepEqual(rows, [{ a: "1", b: "2" }]);
  assert.deepEqual(csv.accounting().skippedByCode, { wrong_field_count: 1 });

  assert.throws(() => ingestLogs(join(folder, "missing.log")), LogSourceError);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log("@logfeat/ingestion pack smoke: ok");
