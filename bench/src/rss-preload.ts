import { writeFileSync } from "node:fs";

/**
 * Loaded with `node --import` when `/usr/bin/time` is missing: writes the
 * process's peak resident set size (`process.resourceUsage().maxRSS`, KiB) to
 * the file named by `BENCH_RSS_FILE` when the process exits.
 */
const target = process.env["BENCH_RSS_FILE"];
if (target !== undefined && target !== "")
  process.on("exit", () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
