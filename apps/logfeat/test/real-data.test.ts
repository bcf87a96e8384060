import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseFeaturesJsonl } from "@logfeat/features";
import { LedgerSchema } from "@logfeat/schema";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON, realDataFiles } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { NOW, runCli, temporaryFolder } from "./cli-harness.js";

/** The flags a user gives for each real file: loghub logs and their structured CSVs need the system's named layout. */
function flagsFor(name: string): string[] {
  const loghub = /^loghub\/([^/]+)\//.exec(name);
  if (loghub !== null) return ["--layout", `loghub:${loghub[1]}`];
  return [];
}

const files = realDataFiles().filter((file) => /\.(log|txt|json|csv)$/.test(file.name));

describe.skipIf(REAL_DATA_DIR === null)(
  `logfeat run on every real sample log (${REAL_DATA_DIR === null ? REAL_DATA_SKIP_REASON : "present"})`,
  () => {
    it("finds the sample files", () => {
      expect(files.length).toBeGreaterThanOrEqual(30);
    });

    it.each(files.map((file) => [file.name, file.path] as const))(
      "%s: exit 0, features, a ledger that adds up",
      (name, path) => {
        const folder = temporaryFolder();
        const summaryPath = join(folder, `${basename(name)}.summary.json`);
        const run = runCli([
          "run",
          path,
          ...flagsFor(name),
          "--now",
          NOW,
          "--reference-time",
          "2025-01-01T00:00:00Z",
          "--json-summary",
          summaryPath,
        ]);
        expect(run.code, run.stderr).toBe(0);
        const ledger = LedgerSchema.parse(JSON.parse(readFileSync(summaryPath, "utf8")));
        const vectors = parseFeaturesJsonl(run.stdout);
        expect(vectors.length).toBeGreaterThan(0);
        expect(ledger.records_in).toBe(ledger.parsed + ledger.parse_skipped);
        expect(ledger.parsed).toBe(ledger.entries + ledger.normalize_skipped);
        expect(vectors.reduce((sum, vector) => sum + vector.total_events, 0)).toBe(ledger.entries);
        expect(vectors).toHaveLength(ledger.features);
        expect(
          ledger.entries / ledger.records_in,
          `most records of ${name} become entries`,
        ).toBeGreaterThan(0.95);
        expect(run.stderr).toContain("ledger:");
      },
    );
  },
);
