import { ConfigError, type Diagnostic, type RawRecord } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { createParser, LOGHUB_SYSTEMS, listLayouts, parseLog, parseLogs } from "../src/index.js";
import { csvRecord, jsonRecord, textRecord } from "./helpers/records.js";

const SYSLOG_LINE = "Mar 27 13:06:56 host sshd[1]: started";
/** Standard (`LEVEL service - message`) and RFC 3164 with an ISO timestamp at once. */
const AMBIGUOUS = "2025-02-07T10:15:30Z alpha beta: - gamma";

describe("createParser", () => {
  it("tries the layouts in SPEC order on a fresh source", () => {
    expect(parseLog(textRecord(AMBIGUOUS))).toMatchObject({
      level: "alpha",
      service: "beta:",
      message: "gamma",
    });
  });

  it("tries the layout that matched last for the same source first", () => {
    const parser = createParser();
    parser.parse(textRecord(SYSLOG_LINE, 1, "a.log"));
    expect(parser.parse(textRecord(AMBIGUOUS, 2, "a.log"))).toMatchObject({
      service: "beta",
      message: "- gamma",
      extra: { hostname: "alpha" },
    });
    expect(parser.parse(textRecord(AMBIGUOUS, 1, "b.log"))).toMatchObject({ service: "beta:" });
  });

  it("parses mixed layouts in one source", () => {
    const lines = [
      "2025-02-07T10:15:30Z INFO [api] one",
      "level=info msg=two service=api",
      SYSLOG_LINE,
      '1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 5',
      "2025-02-07T10:15:31Z INFO [api] five",
    ];
    const result = parseLogs(lines.map((line, index) => textRecord(line, index + 1)));
    expect(result.skipped).toBe(0);
    expect(result.parsed.map((parsed) => parsed.message)).toEqual([
      "one",
      "two",
      "started",
      "GET / HTTP/1.0",
      "five",
    ]);
  });

  it("skips a line no layout matches with no_layout_match, line number and the first 200 characters", () => {
    const seen: Diagnostic[] = [];
    const long = `nothing to see ${"x".repeat(300)}`;
    const parser = createParser({ onDiagnostic: (diagnostic) => seen.push(diagnostic) });
    expect(parser.parse(textRecord(long, 7, "app.log"))).toBeNull();
    expect(seen).toEqual([
      {
        stage: "parsing",
        code: "no_layout_match",
        message: "line 7 matches no layout (tried standard, logfmt, syslog, apache)",
        source: "app.log",
        line: 7,
        value: long.slice(0, 200),
      },
    ]);
    expect(parser.accounting()).toMatchObject({
      skipped: 1,
      skippedByCode: { no_layout_match: 1 },
    });
  });

  it("skips blank lines with blank_line", () => {
    const result = parseLogs([textRecord("   \t"), textRecord("")]);
    expect(result).toMatchObject({ parsed: [], skipped: 2, skippedByCode: { blank_line: 2 } });
  });

  it("reads JSON records by field names whatever the layout", () => {
    const parser = createParser({ layout: "loghub:HDFS" });
    expect(parser.parse(jsonRecord({ msg: "j" }))?.message).toBe("j");
  });

  it("reads CSV rows by field aliases, or by the template's columns with a template layout", () => {
    expect(createParser().parse(csvRecord({ message: "c" }))?.message).toBe("c");
    const loghub = createParser({ layout: "loghub:HDFS" });
    expect(loghub.parse(csvRecord({ Content: "c" }))?.message).toBe("c");
    expect(loghub.parse(csvRecord({ message: "c" }))?.message).toBeUndefined();
  });

  it("applies fieldMap to JSON, CSV and logfmt", () => {
    const parser = createParser({ fieldMap: { service: ["svc"] } });
    expect(parser.parse(jsonRecord({ svc: "a", service: "b" }))?.service).toBe("a");
    expect(parser.parse(csvRecord({ svc: "a" }))?.service).toBe("a");
    expect(parser.parse(textRecord("svc=a msg=x"))?.service).toBe("a");
  });

  it("reads a custom template layout with dateFormat", () => {
    const parser = createParser({
      layout: "<Date> <Time> <Level> <Component>: <Content>",
      dateFormat: "yyMMdd HHmmss",
    });
    expect(parser.parse(textRecord("081109 203615 INFO dfs.Block: done"))).toMatchObject({
      timestamp: "2008-11-09T20:36:15.000",
      service: "dfs.Block",
      message: "done",
    });
    expect(parser.layout).toBe("<Date> <Time> <Level> <Component>: <Content>");
  });

  it("skips records whose payload has the wrong type with malformed_record", () => {
    const bad = [
      { source: "x", line: 1, format: "text", payload: 42 },
      { source: "x", line: 2, format: "json", payload: "not an object" },
      { source: "x", line: 3, format: "xml", payload: "<a/>" },
    ] as unknown as RawRecord[];
    expect(parseLogs(bad)).toMatchObject({
      parsed: [],
      skipped: 3,
      skippedByCode: { malformed_record: 3 },
    });
  });

  it("keeps batch accounting per batch and total accounting across batches", () => {
    const parser = createParser({ maxDiagnostics: 1 });
    const first = parser.parseBatch([
      textRecord("nope", 1),
      textRecord("nope", 2),
      textRecord("level=info msg=x", 3),
    ]);
    const second = parser.parseBatch([textRecord("nope", 4)]);
    expect(first).toMatchObject({ skipped: 2, diagnosticsOmitted: 1 });
    expect(first.parsed).toHaveLength(1);
    expect(first.diagnostics).toHaveLength(1);
    expect(second).toMatchObject({
      skipped: 1,
      diagnosticsOmitted: 0,
      skippedByCode: { no_layout_match: 1 },
    });
    expect(parser.accounting()).toMatchObject({
      skipped: 3,
      skippedByCode: { no_layout_match: 3 },
      diagnosticsOmitted: 2,
    });
  });

  it.each([
    [
      "an unknown layout, listing the valid ones",
      { layout: "nginx" },
      /"layout".*"auto", "standard".*"loghub:HDFS"/,
    ],
    ["an unknown loghub system", { layout: "loghub:Nope" }, /"layout"/],
    ["a non-string layout", { layout: 42 }, /"layout"/],
    ["dateFormat without a template", { layout: "standard", dateFormat: "yyMMdd" }, /"dateFormat"/],
    ["a fieldMap with an unknown field", { fieldMap: { host: ["h"] } }, /"fieldMap.host"/],
    ["a fieldMap with an empty list", { fieldMap: { level: [] } }, /"fieldMap.level"/],
    ["a negative maxDiagnostics", { maxDiagnostics: -1 }, /"maxDiagnostics"/],
    ["a non-function onDiagnostic", { onDiagnostic: "log" }, /"onDiagnostic"/],
    ["a template naming a field twice", { layout: "<A> <A>" }, /"template"/],
    ["options that are not an object", "auto", /"options"/],
  ])("throws ConfigError for %s", (_name, options, message) => {
    expect(() => createParser(options as never)).toThrow(ConfigError);
    expect(() => createParser(options as never)).toThrow(message);
  });
});

describe("listLayouts", () => {
  it("lists auto, the four named layouts and every loghub system with descriptions", () => {
    const layouts = listLayouts();
    expect(layouts.slice(0, 5).map((layout) => layout.name)).toEqual([
      "auto",
      "standard",
      "logfmt",
      "syslog",
      "apache",
    ]);
    expect(layouts.slice(5).map((layout) => layout.name)).toEqual(
      LOGHUB_SYSTEMS.map((system) => `loghub:${system}`),
    );
    for (const layout of layouts) expect(layout.description.length).toBeGreaterThan(10);
  });

  it("has a working parser for every listed name", () => {
    for (const { name } of listLayouts()) expect(createParser({ layout: name }).layout).toBe(name);
  });
});
