#!/usr/bin/env node
// Times planByteRanges on the repository's bench corpus (bench/corpus at the repo root, made by
// `pnpm bench`): median of 5 runs per file and part count. Needs the built package:
// `pnpm --filter @logfeat/schema build && pnpm --filter @logfeat/ingestion build`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { planByteRanges } from "@logfeat/ingestion";

const CORPUS = fileURLToPath(new URL("../../../bench/corpus/", import.meta.url));
const FILES = [
  "logs-1000000-seed42.log",
  "logs-10000000-seed42.log",
  "logs-1000000-seed42.jsonl",
  "logs-1000000-seed42.csv",
];
const RUNS = 5;

for (const name of FILES) {
  const path = `${CORPUS}${name}`;
  if (!existsSync(path)) {
    console.log(`${name}: not found in ${CORPUS} (run pnpm bench at the repo root first)`);
    continue;
  }
  for (const parts of [2, 4, 16]) {
    const times = [];
    let plan = null;
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      plan = await planByteRanges(path, { parts });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)];
    const firstLines = plan?.ranges.map((range) => range.firstLine).join(", ");
    console.log(
      `${name}, ${parts} parts: median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}); ${plan?.format}, ${plan?.ranges.length} ranges starting at lines ${firstLines}`,
    );
  }
}
