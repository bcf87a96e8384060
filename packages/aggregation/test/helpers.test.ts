import { describe, expect, it } from "vitest";
import {
  aggregateLogs,
  countWindowEvents,
  formatWindowsSummary,
  getServicesInWindows,
  getTimeRange,
  printWindowsSummary,
} from "../src/index.js";
import { at, makeEntry } from "./entries.js";

const windows = aggregateLogs([
  makeEntry({ timestamp: "2025-02-07T10:00:10.000Z", service: "db" }),
  makeEntry({ timestamp: "2025-02-07T10:07:10.000Z", service: "api-server" }),
  makeEntry({ timestamp: "2025-02-07T10:07:20.000Z", service: "api-server" }),
  makeEntry({ timestamp: "2025-02-07T10:12:10.000Z", service: "api-server" }),
]);

describe("helpers", () => {
  it("getServicesInWindows lists distinct services, sorted", () => {
    expect(getServicesInWindows(windows)).toEqual(["api-server", "db"]);
    expect(getServicesInWindows([])).toEqual([]);
  });

  it("getTimeRange spans min start to max end, or null", () => {
    expect(getTimeRange(windows)).toEqual({
      start: at("2025-02-07T10:00:00.000Z"),
      end: at("2025-02-07T10:15:00.000Z"),
    });
    expect(getTimeRange([])).toBeNull();
  });

  it("countWindowEvents reads the summary, else the logs", () => {
    const window = windows.values()[1]!;
    expect(countWindowEvents(window)).toBe(2);
    expect(countWindowEvents({ ...window, summary: null })).toBe(2);
  });

  it("formatWindowsSummary renders a table", () => {
    expect(formatWindowsSummary(windows)).toBe(
      [
        "Windows:    3 (300 s each)",
        "Services:   2",
        "Time range: 2025-02-07T10:00:00.000Z .. 2025-02-07T10:15:00.000Z",
        "Service     Windows  Events",
        "api-server        2       3",
        "db                1       1",
        "Total             3       4",
      ].join("\n"),
    );
    expect(formatWindowsSummary([])).toContain("Time range: none");
  });

  it("printWindowsSummary writes exactly what formatWindowsSummary returns", () => {
    const written: string[] = [];
    printWindowsSummary(windows, (text) => written.push(text));
    expect(written).toEqual([formatWindowsSummary(windows)]);
  });
});
