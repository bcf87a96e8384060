import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AggregationError,
  ConfigError,
  describeValue,
  LogfeatError,
  SchemaValidationError,
} from "../src/index.js";

describe("errors", () => {
  it("ConfigError names the option, the expectation and the value", () => {
    const error = new ConfigError(
      "timeZone",
      "Mars/Base",
      'an IANA time zone such as "Europe/Berlin"',
    );
    expect(error.message).toBe(
      'Invalid option "timeZone": expected an IANA time zone such as "Europe/Berlin", received "Mars/Base"',
    );
    expect(error.option).toBe("timeZone");
    expect(error.value).toBe("Mars/Base");
    expect(error.name).toBe("ConfigError");
  });

  it("AggregationError is a ConfigError and a LogfeatError", () => {
    const error = new AggregationError("windowSizeSeconds", 0, "a positive integer");
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(LogfeatError);
    expect(error.name).toBe("AggregationError");
    expect(error.message).toContain("windowSizeSeconds");
    expect(error.message).toContain("received 0");
  });

  it("isInstance recognises errors by their marker, not their prototype", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("@logfeat/schema/error")]: true });
    expect(LogfeatError.isInstance(foreign)).toBe(true);
    expect(LogfeatError.isInstance(new Error("x"))).toBe(false);
    expect(LogfeatError.isInstance(null)).toBe(false);
  });

  it("ConfigError.fromZodError names the nested option and the received value", () => {
    const schema = z.object({ defaults: z.object({ level: z.enum(["INFO", "ERROR"]) }) });
    const input = { defaults: { level: "LOUD" } };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const error = ConfigError.fromZodError(result.error!, input);
    expect(error.option).toBe("defaults.level");
    expect(error.value).toBe("LOUD");
    expect(error.message).toContain('received "LOUD"');
  });

  it("SchemaValidationError names the JSON path", () => {
    const schema = z.object({ global: z.object({ error_rate: z.object({ mean: z.number() }) }) });
    const result = schema.safeParse({ global: { error_rate: { mean: "high" } } });
    const error = SchemaValidationError.fromZodError(result.error!, "baseline file");
    expect(error.path).toBe("global.error_rate.mean");
    expect(error.message).toMatch(/^Invalid baseline file at "global\.error_rate\.mean": /);
  });

  it("describeValue quotes strings and cuts long values", () => {
    expect(describeValue("300")).toBe('"300"');
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue(new Date(Number.NaN))).toBe("Invalid Date");
    expect(describeValue(new Date(0))).toBe("Date(1970-01-01T00:00:00.000Z)");
    expect(describeValue("x".repeat(200))).toHaveLength(80);
  });
});
