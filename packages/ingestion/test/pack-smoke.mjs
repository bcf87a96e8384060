// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CSVLogSource, ingestLogs, LogSourceError, planByteRanges } from "@logfeat/ingestion";

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

  const plain = join(folder, "app.log");
  writeFileSync(plain, "1 a\n2 b\n3 c\n4 d\n");
  const plan = await planByteRanges(plain, { parts: 2, minPartBytes: 1 });
  assert.deepEqual(plan, {
    format: "text",
    ranges: [
      { start: 0, end: 8, firstLine: 1 },
      { start: 8, end: 16, firstLine: 3 },
    ],
    partOptions: {},
  });
  const second = [];
  for await (const record of ingestLogs(plain, { format: "text", byteRange: plan.ranges[1] }))
    second.push([record.line, record.payload]);
  assert.deepEqual(second, [
    [3, "3 c"],
    [4, "4 d"],
  ]);
  assert.equal(await planByteRanges(path, { parts: 2 }), null);

  const table = join(folder, "app.csv");
  writeFileSync(table, 'n,msg\n1,"a\nb"\n2,c\n');
  const csvPlan = await planByteRanges(table, { parts: 2, minPartBytes: 1 });
  assert.deepEqual(csvPlan?.ranges, [
    { start: 0, end: 14, firstLine: 1 },
    { start: 14, end: 18, firstLine: 4 },
  ]);
  const tail = [];
  for await (const record of ingestLogs(table, {
    format: csvPlan.format,
    byteRange: csvPlan.ranges[1],
    ...csvPlan.partOptions,
  }))
    tail.push([record.line, record.payload]);
  assert.deepEqual(tail, [[4, { n: "2", msg: "c" }]]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log("@logfeat/ingestion pack smoke: ok");
