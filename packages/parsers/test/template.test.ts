import { ConfigError, type ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { DateFormat, TemplateLineParser } from "../src/index.js";
import { textRecord } from "./helpers/records.js";

const HDFS_LINE =
  "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating";

describe("TemplateLineParser", () => {
  it("reads a custom template with a date pattern and the default field names", () => {
    const parser = new TemplateLineParser({
      template: "<Date> <Time> <Pid> <Level> <Component>: <Content>",
      dateFormat: "yyMMdd HHmmss",
    });
    expect(parser.parse(textRecord(HDFS_LINE))).toEqual({
      source: "test.log",
      line: 1,
      format: "text",
      timestamp: "2008-11-09T20:36:15.000",
      level: "INFO",
      service: "dfs.DataNode$PacketResponder",
      message: "PacketResponder 1 for block blk_38865049064139660 terminating",
      extra: { Pid: "148" },
    });
  });

  it("keeps the joined timestamp as found without a date pattern", () => {
    const parser = new TemplateLineParser({
      template: "<Date> <Time> <Pid> <Level> <Component>: <Content>",
    });
    expect(parser.parse(textRecord(HDFS_LINE))?.timestamp).toBe("081109 203615");
  });

  it("keeps a timestamp that does not fit the date pattern as found", () => {
    const parser = new TemplateLineParser({
      template: "<Date> <Time> <Level> <Content>",
      dateFormat: "yyyy-MM-dd HH:mm:ss",
    });
    expect(parser.parse(textRecord("2025/02/07 10:15 INFO hi"))?.timestamp).toBe(
      "2025/02/07 10:15",
    );
  });

  it("uses a fieldMap to name the fields, literal brackets and extra fields", () => {
    const parser = new TemplateLineParser({
      template: "[<When>] <Who> says: <What> (<Mood>)",
      fieldMap: { timestamp: ["When"], service: ["Who"], message: ["What"] },
      dateFormat: "dd/MM/yyyy HH:mm",
    });
    expect(
      parser.parse(textRecord("[07/02/2025 10:15] alice says: hello [x] there (happy)")),
    ).toMatchObject({
      timestamp: "2025-02-07T10:15:00.000",
      service: "alice",
      message: "hello [x] there",
      extra: { Mood: "happy" },
    });
  });

  it("copies trailing pairs and a duration suffix out of the whole message", () => {
    const parser = new TemplateLineParser({ template: "<Level> <Component>: <Content>" });
    expect(parser.parse(textRecord("INFO api: handled took 15ms request_id=r1"))).toMatchObject<
      Partial<ParsedLog>
    >({
      message: "handled took 15ms request_id=r1",
      request_id: "r1",
      duration: "15ms",
    });
  });

  it("rejects a line that does not fit, with null", () => {
    const parser = new TemplateLineParser({
      template: "<Date> <Time> <Level> <Component>: <Content>",
    });
    expect(parser.parseText("no colon here", textRecord("no colon here"))).toBeNull();
  });

  it("offers the built-in loghub layouts", () => {
    const parser = TemplateLineParser.loghub("hdfs");
    expect(parser.name).toBe("loghub:HDFS");
    expect(parser.parse(textRecord(HDFS_LINE))?.timestamp).toBe("2008-11-09T20:36:15.000");
    expect(() => TemplateLineParser.loghub("Nope")).toThrow(ConfigError);
  });

  it.each([
    ["no placeholders", { template: "plain text" }],
    ["a placeholder twice", { template: "<A> <A>" }],
    ["a date pattern without date tokens", { template: "<Date> <Content>", dateFormat: "xyz" }],
    ["an unknown fieldMap key", { template: "<A>", fieldMap: { host: ["A"] } }],
    ["a template that is neither a string nor a definition", { template: 42 }],
  ])("throws ConfigError for %s", (_name, options) => {
    expect(() => new TemplateLineParser(options as never)).toThrow(ConfigError);
  });
});

describe("DateFormat", () => {
  it.each([
    ["yyMMdd HHmmss", "081109 203615", "2008-11-09T20:36:15.000"],
    ["yyyy-MM-dd HH:mm:ss,SSS", "2015-10-18 18:01:47,978", "2015-10-18T18:01:47.978"],
    ["yyyy-MM-dd HH:mm:ss.SSS", "2017-05-16 00:00:00.0081234", "2017-05-16T00:00:00.008"],
    ["yyyy-MM-dd HH:mm:ss.SSS", "2017-05-16 00:00:00.5", "2017-05-16T00:00:00.500"],
    ["yyyyMMdd-HH:mm:ss:SSS", "20171223-22:16:0:6", "2017-12-23T22:16:00.006"],
    ["yy/MM/dd HH:mm:ss", "17/06/09 20:10:40", "2017-06-09T20:10:40.000"],
    ["MMM d HH:mm:ss", "Jun  4 15:16:01", "06-04 15:16:01.000"],
    ["MM.dd HH:mm:ss", "10.30 16:49:06", "10-30 16:49:06.000"],
    ["MM-dd HH:mm:ss.SSS", "03-17 16:13:38.811", "03-17 16:13:38.811"],
    ["EEE MMM dd HH:mm:ss yyyy", "Sun Dec 04 04:47:44 2005", "2005-12-04T04:47:44.000"],
    ["dd/MMM/yyyy", "07/feb/2025", "2025-02-07T00:00:00.000"],
  ])("%s reads %j as %j", (pattern, text, expected) => {
    expect(new DateFormat(pattern).format(text)).toBe(expected);
  });

  it.each([
    ["yyMMdd HHmmss", "08110 203615"],
    ["MMM d HH:mm:ss", "Foo 4 15:16:01"],
    ["yyyy-MM-dd", "2025-02-07T10:00"],
  ])("%s rejects %j", (pattern, text) => {
    expect(new DateFormat(pattern).format(text)).toBeNull();
  });

  it("knows whether the pattern has a year", () => {
    expect(new DateFormat("yy-MM-dd").hasYear).toBe(true);
    expect(new DateFormat("MM-dd HH:mm").hasYear).toBe(false);
  });
});
