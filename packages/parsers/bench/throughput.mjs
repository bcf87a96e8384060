#!/usr/bin/env node
// Records per second of the built package in plain Node: `pnpm build && node bench/throughput.mjs`.
// Prints the best of 5 runs per case, wall clock and CPU time (CPU time is steadier on a busy machine).
import { createParser } from "../dist/index.js";
import { csvRecords, jsonRecords, mixedJsonRecords, standardTextRecords } from "./corpus.mjs";

const RECORDS = 1_000_000;
const RUNS = 5;

function measure(name, records, options) {
  let bestWall = 0;
  let bestCpu = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const parser = createParser(options);
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (const record of records) parser.parse(record);
    const wall = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    bestWall = Math.max(bestWall, records.length / (wall / 1000));
    bestCpu = Math.max(bestCpu, records.length / ((cpu.user + cpu.system) / 1e6));
  }
  const format = (rate) => `${(rate / 1e6).toFixed(2)}M records/s`;
  console.log(`${name.padEnd(40)} wall ${format(bestWall)}  cpu ${format(bestCpu)}`);
}

const text = standardTextRecords(RECORDS);
measure("standard text lines, auto layout", text, {});
measure("standard text lines, layout: standard", text, { layout: "standard" });
const objects = jsonRecords(RECORDS);
measure("JSON objects", objects, {});
const mixedObjects = mixedJsonRecords(RECORDS);
measure("JSON objects, optional keys come and go", mixedObjects, {});
const rows = csvRecords(RECORDS);
measure("CSV rows", rows, {});
