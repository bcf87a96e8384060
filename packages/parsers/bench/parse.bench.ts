import { bench, describe } from "vitest";
import { createParser } from "../src/index.js";
import { csvRecords, jsonRecords, mixedJsonRecords, standardTextRecords } from "./corpus.mjs";

const RECORDS = 1_000_000;
const textRecords = standardTextRecords(RECORDS);
const objects = jsonRecords(RECORDS);
const mixedObjects = mixedJsonRecords(RECORDS);
const rows = csvRecords(RECORDS);
const options = { iterations: 3, warmupIterations: 1, time: 0 };

// Runs the sources through vitest's module transform, which costs some speed;
// `node bench/throughput.mjs` measures the built package in plain Node.
describe("parse 1M records (records/s = 1e6 / mean seconds)", () => {
  bench(
    "standard text lines, auto layout",
    () => {
      const parser = createParser();
      for (const record of textRecords) parser.parse(record);
    },
    options,
  );
  bench(
    "standard text lines, layout: standard",
    () => {
      const parser = createParser({ layout: "standard" });
      for (const record of textRecords) parser.parse(record);
    },
    options,
  );
  bench(
    "standard text lines, parseBatch in chunks of 4096",
    () => {
      const parser = createParser();
      for (let start = 0; start < textRecords.length; start += 4096)
        parser.parseBatch(textRecords.slice(start, start + 4096));
    },
    options,
  );
  bench(
    "JSON objects",
    () => {
      const parser = createParser();
      for (const record of objects) parser.parse(record);
    },
    options,
  );
  bench(
    "JSON objects, optional keys come and go",
    () => {
      const parser = createParser();
      for (const record of mixedObjects) parser.parse(record);
    },
    options,
  );
  bench(
    "CSV rows",
    () => {
      const parser = createParser();
      for (const record of rows) parser.parse(record);
    },
    options,
  );
});
