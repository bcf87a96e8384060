import { ConfigError, type Diagnostic, LogEntrySchema, type ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import {
  createNormalizer,
  messageHash,
  NOTE_CODES,
  normalizeLog,
  normalizeLogs,
  SKIP_CODES,
} from "../src/index.js";

const REFERENCE = "2025-02-10T12:00:00Z";

function parsed(fields: Partial<ParsedLog> = {}): ParsedLog {
  return {
    source: "app.log",
    line: 1,
    format: "text",
    timestamp: "2025-02-07T10:15:30.123Z",
    level: "ERROR",
    service: "api-server",
    message: "DB timeout after 523ms",
    extra: {},
    ...fields,
  };
}

describe("normalizeLog", () => {
  it("builds a full LogEntry", () => {
    const entry = normalizeLog(
      parsed({
        level: "err",
        service: "API Server",
        duration: "523ms",
        error_code: " DB_TIMEOUT ",
        request_id: 42,
      }),
    );
    expect(entry).toEqual({
      timestamp: Date.UTC(2025, 1, 7, 10, 15, 30, 123),
      level: "ERROR",
      service: "api-server",
      message: "DB timeout after 523ms",
      duration_ms: 523,
      error_code: "DB_TIMEOUT",
      request_id: "42",
      source: "app.log",
      line: 1,
      metadata: {
        message_hash: messageHash("DB timeout after <*>"),
        message_template: "DB timeout after <*>",
        level_original: "err",
      },
    });
    expect(LogEntrySchema.safeParse(entry).success).toBe(true);
  });

  it("optional fields are null when absent", () => {
    const entry = normalizeLog(parsed());
    expect(entry?.duration_ms).toBeNull();
    expect(entry?.error_code).toBeNull();
    expect(entry?.request_id).toBeNull();
  });

  it("messageHash exact hashes the message itself", () => {
    const entry = normalizeLog(parsed(), { messageHash: "exact" });
    expect(entry?.metadata.message_hash).toBe(messageHash("DB timeout after 523ms"));
    expect(entry?.metadata.message_template).toBe("DB timeout after <*>");
  });

  it("keepExtra keeps the parser's extra fields as metadata.extra", () => {
    const extra = { host: "web-1", pid: 7 };
    expect(normalizeLog(parsed({ extra }), { keepExtra: true })?.metadata["extra"]).toBe(extra);
    expect(normalizeLog(parsed({ extra }))?.metadata).not.toHaveProperty("extra");
  });

  it("uses the record's level_scheme hint unless levelScheme is set", () => {
    expect(normalizeLog(parsed({ level: 3, level_scheme: "syslog" }))?.level).toBe("ERROR");
    expect(normalizeLog(parsed({ level: 17, level_scheme: "otel" }))?.level).toBe("ERROR");
    expect(
      normalizeLog(parsed({ level: 30, level_scheme: "pino" }), { levelScheme: "python" })?.level,
    ).toBe("WARNING");
    expect(normalizeLog(parsed({ level: 30 }))?.metadata.level_original).toBe("30");
  });

  it("reports a skip to onDiagnostic", () => {
    const seen: Diagnostic[] = [];
    expect(
      normalizeLog(parsed({ timestamp: "yesterday", line: 7 }), {
        onDiagnostic: (item) => seen.push(item),
      }),
    ).toBeNull();
    expect(seen).toEqual([
      {
        stage: "normalization",
        code: "invalid_timestamp",
        message: expect.any(String),
        source: "app.log",
        line: 7,
        field: "timestamp",
        value: "yesterday",
      },
    ]);
  });
});

describe("skips and notes", () => {
  const SKIPS: ReadonlyArray<readonly [string, Partial<ParsedLog>, string]> = [
    ["no timestamp", { timestamp: undefined }, SKIP_CODES.missingTimestamp],
    ["bad timestamp", { timestamp: "2025-02-30T00:00:00Z" }, SKIP_CODES.invalidTimestamp],
    ["unknown level", { level: "loud" }, SKIP_CODES.invalidLevel],
    ["numeric level without scheme", { level: 3 }, SKIP_CODES.ambiguousNumericLevel],
    [
      "numeric level outside the scheme",
      { level: 9, level_scheme: "syslog" },
      SKIP_CODES.invalidLevel,
    ],
    ["no service", { service: undefined }, SKIP_CODES.missingService],
    ["bad service", { service: "***" }, SKIP_CODES.invalidService],
    ["no message", { message: undefined }, SKIP_CODES.missingMessage],
    ["empty message", { message: " \u0000 " }, SKIP_CODES.invalidMessage],
  ];

  it.each(SKIPS)("%s -> skipped as %s", (_name, fields, code) => {
    const result = normalizeLogs([parsed(fields)]);
    expect(result.entries).toEqual([]);
    expect(result.skipped).toBe(1);
    expect(result.skippedByCode).toEqual({ [code]: 1 });
    expect(result.notedByCode).toEqual({});
    expect(result.diagnostics.map((item) => item.code)).toEqual([code]);
  });

  it("a record with no level is INFO, noted as level_defaulted", () => {
    for (const level of [undefined, "", "   "]) {
      const result = normalizeLogs([parsed({ level })]);
      expect(result.entries[0]?.level).toBe("INFO");
      expect(result.entries[0]?.metadata.level_defaulted).toBe(true);
      expect(result.entries[0]?.metadata).not.toHaveProperty("level_original");
      expect(result.notedByCode).toEqual({ level_defaulted: 1 });
    }
  });

  it("defaults.level sets the level of records without one, null skips them", () => {
    expect(
      normalizeLog(parsed({ level: undefined }), { defaults: { level: "WARNING" } })?.level,
    ).toBe("WARNING");
    const result = normalizeLogs([parsed({ level: undefined })], { defaults: { level: null } });
    expect(result.skippedByCode).toEqual({ missing_level: 1 });
    expect(
      normalizeLogs([parsed({ level: "loud" })], { defaults: { level: "INFO" } }).skippedByCode,
    ).toEqual({
      invalid_level: 1,
    });
  });

  it("defaults.service fills a missing or invalid service, sanitized, noted", () => {
    const result = normalizeLogs([parsed({ service: undefined }), parsed({ service: "***" })], {
      defaults: { service: "HDFS_2k.log" },
    });
    expect(result.entries.map((entry) => entry.service)).toEqual(["hdfs_2k-log", "hdfs_2k-log"]);
    expect(result.entries.every((entry) => entry.metadata.service_defaulted === true)).toBe(true);
    expect(result.notedByCode).toEqual({ service_defaulted: 2 });
  });

  it("invalid optional fields are dropped with a note; the record is kept", () => {
    const result = normalizeLogs([
      parsed({ duration: "-5", error_code: "   ", request_id: "r".repeat(257) }),
    ]);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({
      duration_ms: null,
      error_code: null,
      request_id: null,
    });
    expect(result.notedByCode).toEqual({
      [NOTE_CODES.invalidDuration]: 1,
      [NOTE_CODES.invalidErrorCode]: 1,
      [NOTE_CODES.invalidRequestId]: 1,
    });
  });

  it("a long message is cut and flagged", () => {
    const result = normalizeLogs([parsed({ message: "a".repeat(20) })], { maxMessageLength: 8 });
    expect(result.entries[0]?.message).toBe("a".repeat(8));
    expect(result.entries[0]?.metadata.truncated).toBe(true);
    expect(result.notedByCode).toEqual({ message_truncated: 1 });
  });

  it("a skipped record emits no notes", () => {
    const result = normalizeLogs([parsed({ level: undefined, message: undefined, duration: "x" })]);
    expect(result.notedByCode).toEqual({});
    expect(result.skippedByCode).toEqual({ missing_message: 1 });
  });

  it("caps the diagnostics list and counts the rest", () => {
    const inputs = Array.from({ length: 5 }, (_, index) =>
      parsed({ timestamp: "x", line: index + 1 }),
    );
    const result = normalizeLogs(inputs, { maxDiagnostics: 2 });
    expect(result.diagnostics).toHaveLength(2);
    expect(result.diagnosticsOmitted).toBe(3);
    expect(result.skipped).toBe(5);
  });
});

describe("ledger", () => {
  it("entries + skipped == inputs, and the per-code counts add up", () => {
    const inputs: ParsedLog[] = [
      parsed(),
      parsed({ timestamp: undefined }),
      parsed({ timestamp: "nope" }),
      parsed({ level: 99 }),
      parsed({ level: "loud" }),
      parsed({ level: undefined }),
      parsed({ service: "!!" }),
      parsed({ message: "" }),
      parsed({ duration: "NaN" }),
      parsed({ timestamp: "Dec 10 06:55:46", level: "I", service: "sshd" }),
    ];
    const result = normalizeLogs(inputs, { referenceTime: REFERENCE });
    expect(result.entries.length + result.skipped).toBe(inputs.length);
    expect(Object.values(result.skippedByCode).reduce((sum, count) => sum + count, 0)).toBe(
      result.skipped,
    );
    expect(result.skipped).toBe(6);
    expect(result.entries).toHaveLength(4);
    expect(result.notedByCode).toEqual({ level_defaulted: 1, invalid_duration: 1 });
  });
});

describe("createNormalizer options", () => {
  it("exposes the zone and reference time it uses", () => {
    const normalizer = createNormalizer({ timeZone: "europe/berlin", referenceTime: REFERENCE });
    expect(normalizer.timeZone).toBe("Europe/Berlin");
    expect(normalizer.referenceTime).toBe(Date.parse(REFERENCE));
    expect(normalizer.normalize(parsed({ timestamp: "2025-03-30 02:30:00" }))?.timestamp).toBe(
      Date.parse("2025-03-30T01:30:00Z"),
    );
  });

  it("defaults referenceTime to the time it was created", () => {
    const before = Date.now();
    const normalizer = createNormalizer();
    expect(normalizer.referenceTime).toBeGreaterThanOrEqual(before);
    expect(normalizer.referenceTime).toBeLessThanOrEqual(Date.now());
    expect(normalizer.timeZone).toBe("UTC");
  });

  it.each([
    [{ timeZone: "Mars/Base" }, "timeZone", "Mars/Base"],
    [{ referenceTime: "not a time" }, "referenceTime", "not a time"],
    [{ referenceTime: {} }, "referenceTime", undefined],
    [{ maxMessageLength: -1 }, "maxMessageLength", "-1"],
    [{ maxMessageLength: 0 }, "maxMessageLength", "0"],
    [{ maxMessageLength: 1.5 }, "maxMessageLength", "1.5"],
    [{ levelScheme: "winston" }, "levelScheme", "winston"],
    [{ messageHash: "md5" }, "messageHash", "md5"],
    [{ defaults: { service: "***" } }, "defaults.service", "***"],
    [{ defaults: { level: "LOUD" } }, "defaults.level", "LOUD"],
    [{ defaults: { host: "x" } }, "defaults.host", "x"],
    [{ defaults: "api" }, "defaults", "api"],
    [{ maxDiagnostics: -1 }, "maxDiagnostics", "-1"],
    [{ onDiagnostic: "print" }, "onDiagnostic", "print"],
    [{ keepExtra: "yes" }, "keepExtra", "yes"],
    [{ timezone: "UTC" }, "timezone", "UTC"],
    [null, "options", undefined],
  ])("%j throws ConfigError naming %s", (options, option, shown) => {
    let error: unknown;
    try {
      createNormalizer(options as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe(option);
    expect((error as ConfigError).message).toContain(`"${option}"`);
    if (shown !== undefined) expect((error as ConfigError).message).toContain(shown);
  });

  it("normalizeLog reuses the normalizer of an options object", () => {
    const options = { referenceTime: REFERENCE };
    const first = normalizeLog(parsed({ timestamp: "Feb 12 10:00:00" }), options);
    const second = normalizeLog(parsed({ timestamp: "Feb 12 10:00:00" }), options);
    expect(first?.timestamp).toBe(Date.parse("2024-02-12T10:00:00Z"));
    expect(second).toEqual(first);
  });
});
