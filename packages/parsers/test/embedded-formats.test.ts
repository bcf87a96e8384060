import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loghubSystems, REAL_DATA_DIR, REAL_DATA_SKIP_REASON } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { createParser } from "../src/index.js";
import { readCsv } from "./helpers/read-csv.js";
import { csvRecord, textRecord, textRecords } from "./helpers/records.js";

describe("JSON objects in a text file (layout auto)", () => {
  it("reads a JSON object line with the JSON aliases", () => {
    const parser = createParser();
    const parsed = parser.parse(
      textRecord(
        '{"time":"2024-04-16T15:03:32Z","level":"debug","msg":"request","duration":42,"app":"drone"}',
      ),
    );
    expect(parsed).toMatchObject({
      timestamp: "2024-04-16T15:03:32Z",
      level: "debug",
      message: "request",
      service: "drone",
      duration: 42,
      duration_field: "duration",
      format: "json",
      line: 1,
    });
  });

  it("leaves lines that are not JSON objects to no_layout_match", () => {
    const parser = createParser();
    expect(parser.parse(textRecord("[1, 2, 3]"))).toBeNull();
    expect(parser.parse(textRecord("{not json"))).toBeNull();
    expect(parser.accounting().skippedByCode).toEqual({ no_layout_match: 2 });
  });

  it("is not tried with an explicit layout", () => {
    const parser = createParser({ layout: "standard" });
    expect(parser.parse(textRecord('{"msg":"x"}'))).toBeNull();
  });
});

describe("CSV rows with a template layout", () => {
  it("reads loghub structured columns with the layout's field map and date pattern", () => {
    const parser = createParser({ layout: "loghub:HDFS" });
    const parsed = parser.parse(
      csvRecord({
        LineId: "1",
        Date: "081109",
        Time: "203615",
        Pid: "148",
        Level: "INFO",
        Component: "dfs.DataNode$PacketResponder",
        Content: "PacketResponder 1 for block blk_38865049064139660 terminating",
        EventId: "E10",
      }),
    );
    expect(parsed).toMatchObject({
      format: "csv",
      timestamp: "2008-11-09T20:36:15.000",
      level: "INFO",
      service: "dfs.DataNode$PacketResponder",
      message: "PacketResponder 1 for block blk_38865049064139660 terminating",
    });
    expect(parsed?.extra).toMatchObject({ Pid: "148" });
  });

  it("treats missing columns as absent fields", () => {
    const parsed = createParser({ layout: "loghub:HDFS" }).parse(
      csvRecord({ Content: "only a message" }),
    );
    expect(parsed?.message).toBe("only a message");
    expect(parsed?.timestamp).toBeUndefined();
    expect(parsed?.level).toBeUndefined();
  });
});

const systems = loghubSystems();

describe.skipIf(REAL_DATA_DIR === null)(
  `loghub structured CSVs read with the named layout equal the raw lines (${REAL_DATA_DIR === null ? REAL_DATA_SKIP_REASON : "real data present"})`,
  () => {
    it.each(systems)("%s", (system) => {
      const dir = join(REAL_DATA_DIR as string, "loghub", system);
      const rows = readCsv(readFileSync(join(dir, `${system}_2k.log_structured.csv`), "utf8"));
      const lines = textRecords(readFileSync(join(dir, `${system}_2k.log`), "utf8"), "raw");
      const parser = createParser({ layout: `loghub:${system}` });
      let same = 0;
      rows.forEach((row, index) => {
        const fromCsv = parser.parse(csvRecord(row, index + 2));
        const fromText = parser.parse(lines[index]!);
        if (
          fromCsv !== null &&
          fromText !== null &&
          fromCsv.timestamp === fromText.timestamp &&
          fromCsv.message === fromText.message &&
          fromCsv.level === fromText.level &&
          (fromCsv.service === fromText.service || system === "OpenSSH" || system === "Zookeeper")
        )
          same += 1;
      });
      expect(same / rows.length).toBeGreaterThanOrEqual(0.999);
      if (system === "OpenSSH") expect(parser.parse(csvRecord(rows[0]!))?.service).toBeUndefined();
      if (system === "Linux")
        expect(parser.parse(csvRecord(rows[0]!))?.extra["Host"]).toBe("combo");
    });
  },
);
