import type { ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { CSVLogParser, JSONLogParser } from "../src/index.js";
import { csvRecord, jsonRecord, textRecord } from "./helpers/records.js";

const json = new JSONLogParser();

describe("JSONLogParser", () => {
  it.each<[string, Record<string, unknown>, Partial<ParsedLog>]>([
    [
      "plain aliases, other keys in extra",
      {
        time: "2025-02-07T10:15:30Z",
        level: "info",
        app: "api",
        msg: "ok",
        latency_ms: 12,
        user: "bob",
      },
      {
        timestamp: "2025-02-07T10:15:30Z",
        level: "info",
        service: "api",
        message: "ok",
        duration: 12,
        duration_field: "latency_ms",
        extra: { user: "bob" },
      },
    ],
    [
      "case-insensitive keys",
      { TimeStamp: 1738923330, LEVEL: 30, Service: "api", MSG: "ok", RequestId: "r1" },
      {
        timestamp: 1738923330,
        level: 30,
        service: "api",
        message: "ok",
        request_id: "r1",
        extra: {},
      },
    ],
    [
      "alias order decides, not key order",
      { msg: "second", message: "first", severity: "WARN", level: "ERROR" },
      { message: "first", level: "ERROR", extra: { msg: "second", severity: "WARN" } },
    ],
    [
      "ECS: nested log.level and event.duration (ns); nested objects stay whole in extra",
      {
        "@timestamp": "2025-02-07T10:15:30.123Z",
        log: { level: "warn", logger: "x" },
        service: { name: "checkout" },
        message: "slow",
        event: { duration: 1500000 },
      },
      {
        timestamp: "2025-02-07T10:15:30.123Z",
        level: "warn",
        service: "checkout",
        message: "slow",
        duration: 1500000,
        duration_field: "event.duration",
        extra: {
          log: { level: "warn", logger: "x" },
          service: { name: "checkout" },
          event: { duration: 1500000 },
        },
      },
    ],
    [
      "flat dotted keys",
      { "service.name": "cart", "log.level": "debug", "error.code": "E42", body: "hi" },
      { service: "cart", level: "debug", error_code: "E42", message: "hi", extra: {} },
    ],
    [
      "OTel resource.service.name with a flat key inside, severity_number as otel level",
      { resource: { "service.name": "otel-svc" }, SeverityNumber: 17, Body: "failed" },
      { service: "otel-svc", level: 17, level_scheme: "otel", message: "failed" },
    ],
    [
      "a severity text wins over severity_number",
      { SeverityText: "ERROR", SeverityNumber: 17, body: "x" },
      { level: "ERROR", extra: { SeverityNumber: 17 } },
    ],
    [
      "unusable values fall through: blank, null, boolean, object",
      { level: "  ", severity: null, lvl: true, loglevel: "warn", message: { text: "x" }, msg: 42 },
      {
        level: "warn",
        message: "42",
        extra: { level: "  ", severity: null, lvl: true, message: { text: "x" } },
      },
    ],
    [
      "no service alias: service absent",
      {
        ts: "2018-03-24T17:15:47.733658Z",
        severity: "NOTICE",
        message: "m",
        "id.orig_h": "10.0.0.1",
      },
      {
        timestamp: "2018-03-24T17:15:47.733658Z",
        level: "NOTICE",
        extra: { "id.orig_h": "10.0.0.1" },
      },
    ],
  ])("%s", (_name, payload, expected) => {
    const parsed = json.parse(jsonRecord(payload));
    expect(parsed).toMatchObject(expected);
    if (expected.extra !== undefined) expect(parsed?.extra).toEqual(expected.extra);
    if (expected.service === undefined) expect(parsed?.service).toBeUndefined();
  });

  it("replaces an alias list with fieldMap", () => {
    const parser = new JSONLogParser({
      fieldMap: { timestamp: ["when"], service: ["kubernetes.container"] },
    });
    expect(
      parser.parse(
        jsonRecord({
          when: "2025-02-07",
          time: "other",
          kubernetes: { container: "web" },
          app: "x",
        }),
      ),
    ).toMatchObject({
      timestamp: "2025-02-07",
      service: "web",
      extra: { time: "other", app: "x", kubernetes: { container: "web" } },
    });
  });

  it("rejects a text record with unsupported_format", () => {
    const diagnostics: string[] = [];
    const parser = new JSONLogParser({
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic.code),
    });
    expect(parser.parse(textRecord("{}"))).toBeNull();
    expect(diagnostics).toEqual(["unsupported_format"]);
  });
});

describe("CSVLogParser", () => {
  const csv = new CSVLogParser();

  it("maps header names through the aliases", () => {
    expect(
      csv.parse(
        csvRecord({
          Timestamp: "2025-02-07T10:15:30Z",
          Level: "ERROR",
          Service: "api",
          Message: "x",
          duration_ms: "5",
          host: "h1",
        }),
      ),
    ).toEqual({
      source: "test.csv",
      line: 2,
      format: "csv",
      timestamp: "2025-02-07T10:15:30Z",
      level: "ERROR",
      service: "api",
      message: "x",
      duration: "5",
      duration_field: "duration_ms",
      extra: { host: "h1" },
    });
  });

  it("treats an empty cell as no value and keeps it in extra", () => {
    const parsed = csv.parse(
      csvRecord({ time: "t", level: "", severity: "warn", message: "m", duration_ms: "" }),
    );
    expect(parsed).toMatchObject({ level: "warn", extra: { level: "", duration_ms: "" } });
    expect(parsed?.duration).toBeUndefined();
  });
});

describe("__proto__ keys", () => {
  it("keeps a JSON __proto__ key as an own field of extra", () => {
    const payload = JSON.parse('{"msg":"x","__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >;
    const parsed = new JSONLogParser().parse(jsonRecord(payload));
    expect(Object.keys(parsed?.extra ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(parsed?.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("JSON records of alternating shapes", () => {
  it("maps each record by its own keys when optional keys come and go", () => {
    const parser = new JSONLogParser();
    const shapes: Record<string, unknown>[] = [
      { ts: "t1", level: "info", msg: "a", duration_ms: 5, user: "u1" },
      { ts: "t2", level: "info", msg: "b", user: "u2" },
      { ts: "t3", level: "warn", msg: "c", duration_ms: 7, error_code: "E", user: "u3" },
    ];
    const expected = [
      { timestamp: "t1", message: "a", duration: 5, extra: { user: "u1" } },
      { timestamp: "t2", message: "b", extra: { user: "u2" } },
      { timestamp: "t3", message: "c", duration: 7, error_code: "E", extra: { user: "u3" } },
    ];
    for (let round = 0; round < 3; round += 1)
      shapes.forEach((payload, index) => {
        const parsed = parser.parse(jsonRecord(payload));
        expect(parsed).toMatchObject(expected[index] as Partial<ParsedLog>);
        if (index === 1) expect(parsed).not.toHaveProperty("duration");
      });
  });

  it("after a payload whose getter throws, the next record keeps every extra key", () => {
    const parser = new JSONLogParser();
    // `ts` (index 1) is taken before the level getter throws.
    const throwing = { user: "u0", ts: "t0", msg: "x" };
    Object.defineProperty(throwing, "level", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(() => parser.parse(jsonRecord(throwing))).toThrow("boom");
    const parsed = parser.parse(jsonRecord({ level: "info", user: "u1", ts: "t1", msg: "y" }));
    expect(parsed?.extra).toEqual({ user: "u1" });
  });
});
