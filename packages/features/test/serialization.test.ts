import { type EpochMillis, type FeatureVector, SchemaValidationError } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  extractFeatures,
  FEATURE_CSV_HEADER,
  featuresToCsv,
  featuresToJsonl,
  featureToCsvRow,
  featureToJsonLine,
  parseFeaturesJsonl,
} from "../src/index.js";
import { FIXED_NOW, logEntry, WINDOW_START, windowOf } from "./helpers.js";

const vector = extractFeatures(
  windowOf([
    logEntry({ level: "ERROR", duration_ms: 12.5, error_code: "E1" }),
    logEntry({ message: "other", offset_ms: 1 }),
    logEntry({ message: "third", offset_ms: 2 }),
  ]),
  { now: FIXED_NOW },
);
const empty = extractFeatures(windowOf([]), { now: FIXED_NOW });

function at(source: FeatureVector, slot: number, service = source.service): FeatureVector {
  return { ...source, service, window_start: (WINDOW_START + slot * 300_000) as EpochMillis };
}

describe("CSV", () => {
  it("the header is exactly SPEC section 8", () => {
    expect(FEATURE_CSV_HEADER).toBe(
      "window_start,service,total_events,error_count,warning_count,info_count,error_rate,warning_rate,median_duration_ms,p95_duration_ms,max_duration_ms,unique_messages,unique_error_codes",
    );
  });

  it("a row: ISO window_start, numbers via String(n), empty cells for null", () => {
    expect(featureToCsvRow(vector)).toBe(
      "2025-02-07T10:15:00.000Z,api-server,3,1,0,2,0.3333333333333333,0,12.5,12.5,12.5,3,1",
    );
    expect(featureToCsvRow(empty)).toBe("2025-02-07T10:15:00.000Z,api-server,0,0,0,0,0,0,,,,0,0");
  });

  it("rows are ordered by window_start, then service; every line ends with a newline", () => {
    const input = [
      at(vector, 1, "web"),
      at(vector, 0, "web"),
      at(vector, 1, "api"),
      at(vector, 0, "db"),
    ];
    const lines = featuresToCsv(input).split("\n");
    expect(lines[0]).toBe(FEATURE_CSV_HEADER);
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual([
      "2025-02-07T10:15:00.000Z,db",
      "2025-02-07T10:15:00.000Z,web",
      "2025-02-07T10:20:00.000Z,api",
      "2025-02-07T10:20:00.000Z,web",
    ]);
    expect(input[0]?.service).toBe("web");
  });

  it("no vectors: just the header line", () => {
    expect(featuresToCsv([])).toBe(`${FEATURE_CSV_HEADER}\n`);
  });
});

describe("JSONL", () => {
  it("one line, keys in contract order, numbers as numbers, null as null", () => {
    expect(featureToJsonLine(empty)).toBe(
      '{"window_start":"2025-02-07T10:15:00.000Z","service":"api-server","total_events":0,"error_count":0,"warning_count":0,"info_count":0,"error_rate":0,"warning_rate":0,"median_duration_ms":null,"p95_duration_ms":null,"max_duration_ms":null,"unique_messages":0,"unique_error_codes":0,"metadata":{"extraction_timestamp":"2025-02-07T12:00:00.000Z","window_log_count":0,"window_end":"2025-02-07T10:20:00.000Z","window_size_seconds":300}}',
    );
  });

  it("featuresToJsonl keeps the input order and ends every line with a newline", () => {
    const text = featuresToJsonl([at(vector, 1), at(vector, 0)]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(3);
    expect(parseFeaturesJsonl(text).map((item) => item.window_start)).toEqual([
      WINDOW_START + 300_000,
      WINDOW_START,
    ]);
    expect(featuresToJsonl([])).toBe("");
  });

  it("round trips any extracted vector exactly, Phase 2 metadata included", () => {
    const durations = fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.constantFrom("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL" as const),
            duration_ms: durations,
            offset_ms: fc.integer({ min: 0, max: 299_999 }),
          }),
          { maxLength: 20 },
        ),
        (fields) => {
          const extracted = extractFeatures(windowOf(fields.map((field) => logEntry(field))), {
            now: FIXED_NOW,
          });
          extracted.metadata["anomaly_score"] = 0.95;
          expect(parseFeaturesJsonl(featuresToJsonl([extracted, empty]))).toEqual([
            extracted,
            empty,
          ]);
        },
      ),
    );
  });

  it("accepts CRLF line endings and blank lines", () => {
    const text = `${featureToJsonLine(vector)}\r\n\r\n${featureToJsonLine(empty)}\r\n`;
    expect(parseFeaturesJsonl(text)).toEqual([vector, empty]);
  });

  it.each([
    ["a line that is not JSON", "{nope", 2, "", /Invalid FeatureVector on line 2: not valid JSON/],
    [
      "a rate above 1",
      featureToJsonLine({ ...vector, error_rate: 2 }),
      2,
      "error_rate",
      /Invalid FeatureVector on line 2 at "error_rate"/,
    ],
    [
      "a window_start without offset",
      featureToJsonLine(vector).replace("10:15:00.000Z", "10:15:00"),
      2,
      "window_start",
      /line 2 at "window_start"/,
    ],
    [
      "metadata without window_end",
      featureToJsonLine(vector).replace('"window_end"', '"end"'),
      2,
      "metadata.window_end",
      /line 2 at "metadata.window_end"/,
    ],
  ])(
    "rejects %s with a SchemaValidationError naming line and field",
    (_title, bad, _line, path, message) => {
      const text = `${featureToJsonLine(vector)}\n${bad}\n`;
      let thrown: unknown;
      try {
        parseFeaturesJsonl(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SchemaValidationError);
      expect((thrown as SchemaValidationError).path).toBe(path);
      expect((thrown as Error).message).toMatch(message);
    },
  );
});
