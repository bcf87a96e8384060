import { describe, expect, it } from "vitest";
import { pipelineOptionsFrom } from "../src/flags.js";
import { UsageError } from "../src/usage-error.js";

describe("pipelineOptionsFrom", () => {
  it("keeps no logs unless --retain-logs asks (the commands only read summaries)", () => {
    expect(pipelineOptionsFrom({}).pipeline.retainLogs).toBe(false);
    expect(pipelineOptionsFrom({ "no-retain-logs": true }).pipeline.retainLogs).toBe(false);
    expect(pipelineOptionsFrom({ "retain-logs": true }).pipeline.retainLogs).toBe(true);
  });

  it("rejects --retain-logs with --no-retain-logs", () => {
    expect(() => pipelineOptionsFrom({ "retain-logs": true, "no-retain-logs": true })).toThrow(
      UsageError,
    );
  });
});
