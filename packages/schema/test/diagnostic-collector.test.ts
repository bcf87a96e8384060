import { describe, expect, it } from "vitest";
import {
  type Diagnostic,
  DiagnosticCollector,
  detachString,
  diagnosticValue,
  emptyAccounting,
  mergeAccounting,
} from "../src/index.js";

function diagnostic(code: string, line: number): Diagnostic {
  return { stage: "parsing", code, message: code, source: "a.log", line };
}

describe("DiagnosticCollector", () => {
  it("counts skips and notes per code and keeps the first N", () => {
    const seen: Diagnostic[] = [];
    const collector = new DiagnosticCollector({
      maxDiagnostics: 2,
      onDiagnostic: (d) => seen.push(d),
    });
    collector.skip(diagnostic("no_layout_match", 1));
    collector.skip(diagnostic("no_layout_match", 2));
    collector.note(diagnostic("invalid_duration", 3));
    collector.skip(diagnostic("invalid_timestamp", 4));
    const accounting = collector.toAccounting();
    expect(accounting.skipped).toBe(3);
    expect(accounting.skippedByCode).toEqual({ no_layout_match: 2, invalid_timestamp: 1 });
    expect(accounting.notedByCode).toEqual({ invalid_duration: 1 });
    expect(accounting.diagnostics.map((d) => d.line)).toEqual([1, 2]);
    expect(accounting.diagnosticsOmitted).toBe(2);
    expect(seen).toHaveLength(4);
    expect(collector.skipped).toBe(3);
  });

  it("mergeAccounting adds counts and respects the cap", () => {
    const a = new DiagnosticCollector();
    a.skip(diagnostic("x", 1));
    a.note(diagnostic("n", 2));
    const b = new DiagnosticCollector();
    b.skip(diagnostic("x", 3));
    b.skip(diagnostic("y", 4));
    const merged = mergeAccounting(a.toAccounting(), b.toAccounting(), 3);
    expect(merged.skipped).toBe(3);
    expect(merged.skippedByCode).toEqual({ x: 2, y: 1 });
    expect(merged.notedByCode).toEqual({ n: 1 });
    expect(merged.diagnostics.map((d) => d.line)).toEqual([1, 2, 3]);
    expect(merged.diagnosticsOmitted).toBe(1);
  });

  it("diagnosticValue cuts values to 200 characters", () => {
    expect(diagnosticValue("x".repeat(500))).toHaveLength(200);
    expect(diagnosticValue({ a: 1 })).toBe('{"a":1}');
  });

  it("diagnosticValue never throws", () => {
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    expect(diagnosticValue(10n)).toBe("10");
    expect(diagnosticValue(circular)).toBe("[object Object]");
    expect(diagnosticValue(Object.create(null))).toBe("{}");
    expect(diagnosticValue(undefined)).toBe("undefined");
  });
});

describe("emptyAccounting", () => {
  it("is what a collector that saw nothing reports, and a new object each time", () => {
    expect(emptyAccounting()).toEqual(new DiagnosticCollector().toAccounting());
    expect(emptyAccounting()).not.toBe(emptyAccounting());
    expect(mergeAccounting(emptyAccounting(), emptyAccounting())).toEqual(emptyAccounting());
  });
});

describe("detachString", () => {
  it("returns an equal string", () => {
    const parent = `${"x".repeat(100_000)}service-name${"y".repeat(100_000)}`;
    const slice = parent.slice(100_000, 100_012);
    expect(detachString(slice)).toBe("service-name");
    expect(detachString("")).toBe("");
    expect(detachString('quote " and \\ and \u2028')).toBe('quote " and \\ and \u2028');
  });
});
