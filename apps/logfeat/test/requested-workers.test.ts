import { describe, expect, it } from "vitest";
import { requestedWorkerThreads } from "../src/requested-workers.js";

describe("requestedWorkerThreads", () => {
  it.each([
    [["run", "app.log", "--workers", "2"], 1],
    [["baseline", "--workers=4", "app.log"], 3],
    [["compare", "app.log", "--workers", "1"], 0],
    [["run", "app.log"], 0],
    [["run", "app.log", "--workers", "two"], 0],
    [["run", "app.log", "--workers"], 0],
    [["run", "--", "--workers", "2"], 0],
    [["serve", "app.log", "--workers", "2"], 0],
    [["run", "app.log", "--workers", "500"], 63],
    [[], 0],
  ])("%j -> %i worker threads to start early", (args, expected) => {
    expect(requestedWorkerThreads(args)).toBe(expected);
  });
});
