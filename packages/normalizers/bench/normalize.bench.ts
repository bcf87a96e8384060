import { bench, describe } from "vitest";
import {
  createNormalizer,
  messageHash,
  messageTemplate,
  normalizeTimestamp,
} from "../src/index.js";
import { timestampInstant } from "../src/normalize-timestamp.js";
import { resolveTimestampOptions } from "../src/options.js";
import { REFERENCE_TOKEN } from "../test/reference-template.js";
import { benchCorpus } from "./corpus.js";

const RECORDS = 1_000_000;
const corpus = benchCorpus(RECORDS);
const messages = corpus.slice(0, 10_000).map((record) => record.message as string);
const timestamps = corpus.slice(0, 10_000).map((record) => record.timestamp);
const berlin = resolveTimestampOptions({ timeZone: "Europe/Berlin" });

describe("normalize 1M parsed records (mixed ISO, 10% naive in Europe/Berlin)", () => {
  bench(
    "normalizeBatch(1M)",
    () => {
      const normalizer = createNormalizer({
        timeZone: "Europe/Berlin",
        referenceTime: "2025-02-10T00:00:00Z",
      });
      const result = normalizer.normalizeBatch(corpus);
      if (result.entries.length !== RECORDS) throw new Error(`lost records: ${result.skipped}`);
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});

describe("per-record parts (10k values per op)", () => {
  bench("timestamp (resolved context)", () => {
    for (const value of timestamps) timestampInstant(value, berlin);
  });
  bench("normalizeTimestamp (options validated per call)", () => {
    for (const value of timestamps) normalizeTimestamp(value, { timeZone: "Europe/Berlin" });
  });
  bench("messageTemplate", () => {
    for (const message of messages) messageTemplate(message);
  });
  bench("the same masking as one regular expression (reference)", () => {
    for (const message of messages) message.replace(REFERENCE_TOKEN, "<*>");
  });
  bench("messageHash", () => {
    for (const message of messages) messageHash(message);
  });
});
