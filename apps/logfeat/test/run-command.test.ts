import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseFeaturesJsonl } from "@logfeat/features";
import { type Diagnostic, LedgerSchema } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { APP_DIR, NOW, runCli, temporaryFolder } from "./cli-harness.js";
import { generateStandardLog, standardToCsv, standardToJsonLines } from "./generated-logs.js";

const SAMPLE = join(APP_DIR, "samples", "checkout-service.log");

describe("logfeat run", () => {
  it("same input and --now give byte-identical output", () => {
    const first = runCli(["run", SAMPLE, "--now", NOW, "--quiet"]);
    const second = runCli(["run", SAMPLE, "--now", NOW, "--quiet"]);
    expect(first.code).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it("JSONL and CSV describe the same features", () => {
    const jsonl = runCli(["run", SAMPLE, "--now", NOW, "--quiet"]);
    const csv = runCli(["run", SAMPLE, "--now", NOW, "--quiet", "--output", "csv"]);
    const vectors = parseFeaturesJsonl(jsonl.stdout);
    const [header, ...rows] = csv.stdout.trimEnd().split("\n");
    expect(header?.split(",")).toHaveLength(13);
    expect(rows).toHaveLength(vectors.length);
    rows.forEach((row, index) => {
      const cells = row.split(",");
      const vector = vectors[index]!;
      expect(cells[0]).toBe(new Date(vector.window_start).toISOString());
      expect(cells[1]).toBe(vector.service);
      expect(Number(cells[2])).toBe(vector.total_events);
      expect(Number(cells[6])).toBe(vector.error_rate);
      expect(cells[9] === "" ? null : Number(cells[9])).toBe(vector.p95_duration_ms);
      expect(Number(cells[12])).toBe(vector.unique_error_codes);
    });
  });

  it("a table is printed for people", () => {
    const table = runCli(["run", SAMPLE, "--now", NOW, "--quiet", "--output", "table"]);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^window_start\s+service\s+events/);
    expect(table.stdout).toContain("payment-service");
  });

  it("a file with 10% garbage completes and reports exactly those lines as skipped", () => {
    const folder = temporaryFolder();
    const log = generateStandardLog(2000, 11, 10);
    const file = join(folder, "garbage.log");
    writeFileSync(file, log.text);
    const summaryPath = join(folder, "summary.json");
    const diagnosticsPath = join(folder, "diagnostics.jsonl");
    const run = runCli([
      "run",
      file,
      "--now",
      NOW,
      "--json-summary",
      summaryPath,
      "--diagnostics",
      diagnosticsPath,
      "--max-diagnostics",
      "10000",
    ]);
    expect(run.code).toBe(0);
    const ledger = LedgerSchema.parse(JSON.parse(readFileSync(summaryPath, "utf8")));
    expect(ledger.records_in).toBe(2000);
    expect(ledger.parse_skipped).toBe(log.garbageLines.length);
    expect(ledger.entries).toBe(log.records);
    const diagnostics = readFileSync(diagnosticsPath, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Diagnostic);
    const skippedLines = diagnostics.filter((d) => d.stage === "parsing").map((d) => d.line);
    expect(skippedLines).toEqual(log.garbageLines);
    expect(run.stderr).toContain("no_layout_match");
    expect(run.stderr).toMatch(/parse skipped\s+200 \(10\.00%\)/);
  });

  it("the ledger adds up and the JSON summary has exactly the documented keys", () => {
    const folder = temporaryFolder();
    const summaryPath = join(folder, "summary.json");
    const run = runCli(["run", SAMPLE, "--now", NOW, "--json-summary", summaryPath]);
    const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
    expect(Object.keys(summary)).toEqual([
      "records_in",
      "parsed",
      "parse_skipped",
      "entries",
      "normalize_skipped",
      "windows",
      "features",
      "skipped_by_code",
      "reference_time",
      "elapsed_ms",
    ]);
    const vectors = parseFeaturesJsonl(run.stdout);
    expect(summary.records_in).toBe(summary.parsed + summary.parse_skipped);
    expect(summary.parsed).toBe(summary.entries + summary.normalize_skipped);
    expect(vectors.reduce((sum, vector) => sum + vector.total_events, 0)).toBe(summary.entries);
    expect(vectors).toHaveLength(summary.features);
  });

  it("reads stdin with -", () => {
    const text = readFileSync(SAMPLE, "utf8");
    const fromStdin = runCli(
      [
        "run",
        "-",
        "--now",
        NOW,
        "--quiet",
        "--default-service",
        "checkout-service",
        "--reference-time",
        NOW,
      ],
      text,
    );
    const fromFile = runCli(["run", SAMPLE, "--now", NOW, "--quiet", "--reference-time", NOW]);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it("--strict exits 1 when records were skipped, 0 when none were", () => {
    const folder = temporaryFolder();
    const dirty = join(folder, "dirty.log");
    writeFileSync(dirty, generateStandardLog(300, 3, 50).text);
    const clean = join(folder, "clean.log");
    writeFileSync(clean, generateStandardLog(300, 3).text);
    expect(runCli(["run", dirty, "--strict", "--quiet", "--now", NOW]).code).toBe(1);
    expect(runCli(["run", clean, "--strict", "--quiet", "--now", NOW]).code).toBe(0);
  });

  it.each([
    ["text, split into parts each thread reads", "parallel.log"],
    ["JSON Lines, split into parts each thread reads", "parallel.jsonl"],
    ["CSV with quoted line breaks, split into parts each thread reads", "parallel.csv"],
    ["gzip, read here and sent to the workers", "parallel.log.gz"],
  ])(
    "--workers 2 gives byte-identical output, ledger and diagnostics to --workers 1 on 50k records (%s)",
    (_name, name) => {
      const folder = temporaryFolder();
      const file = join(folder, name);
      const { text } = generateStandardLog(50_000, 8, 331);
      const content = name.endsWith(".jsonl")
        ? standardToJsonLines(text)
        : name.endsWith(".csv")
          ? standardToCsv(text)
          : text;
      writeFileSync(file, name.endsWith(".gz") ? gzipSync(content) : content);
      const run = (workers: string) => {
        const summary = join(folder, `summary-${workers}.json`);
        const diagnostics = join(folder, `diagnostics-${workers}.jsonl`);
        const result = runCli([
          "run",
          file,
          "--now",
          NOW,
          "--quiet",
          "--workers",
          workers,
          "--chunk-size",
          "1000",
          "--max-diagnostics",
          "100000",
          "--json-summary",
          summary,
          "--diagnostics",
          diagnostics,
        ]);
        expect(result.code, result.stderr).toBe(0);
        const { elapsed_ms: _elapsed, ...ledger } = JSON.parse(readFileSync(summary, "utf8"));
        return { stdout: result.stdout, ledger, diagnostics: readFileSync(diagnostics, "utf8") };
      };
      const one = run("1");
      const two = run("2");
      expect(two.stdout).toBe(one.stdout);
      expect(two.ledger).toEqual(one.ledger);
      expect(two.diagnostics).toBe(one.diagnostics);
      expect(one.ledger.parse_skipped).toBeGreaterThan(100);
      expect(one.diagnostics.split("\n").length).toBeGreaterThan(100);
    },
  );

  it("--retain-logs and --no-retain-logs give identical features on 100k records", () => {
    const folder = temporaryFolder();
    const file = join(folder, "big.log");
    writeFileSync(file, generateStandardLog(100_000, 5, 997).text);
    const retained = runCli(["run", file, "--now", NOW, "--quiet", "--retain-logs"]);
    const compact = runCli(["run", file, "--now", NOW, "--quiet", "--no-retain-logs"]);
    expect(retained.code).toBe(0);
    expect(retained.stdout.split("\n").length).toBeGreaterThan(50);
    expect(compact.stdout).toBe(retained.stdout);
  });
});

describe("logfeat usage errors (exit 2, one line naming the flag)", () => {
  it.each([
    [["run", "/no/such/file.log"], /\/no\/such\/file\.log/],
    [["run", SAMPLE, "--window-size", "0"], /^logfeat: --window-size: .*received 0/],
    [["run", SAMPLE, "--window-size", "abc"], /^logfeat: --window-size/],
    [["run", SAMPLE, "--time-zone", "Mars/Base"], /^logfeat: --time-zone: .*Mars\/Base/],
    [
      ["run", SAMPLE, "--format", "xml"],
      /^logfeat: --format: expected one of auto, text, json, csv, received "xml"/,
    ],
    [["run", SAMPLE, "--output", "pdf"], /^logfeat: --output: expected one of jsonl, csv, table/],
    [["run", SAMPLE, "--reference-time", "yesterday"], /^logfeat: --reference-time/],
    [["run", SAMPLE, "--layout", "no-such-layout"], /^logfeat: --layout/],
    [["run", SAMPLE, "--bogus"], /^logfeat: unknown flag '--bogus'/],
    [["run", SAMPLE, "--workers", "0"], /^logfeat: --workers: expected an integer >= 1/],
    [
      ["run", SAMPLE, "--workers", "2", "--allowed-lateness", "60"],
      /^logfeat: --workers: .*allowedLatenessSeconds/,
    ],
    [["run"], /^logfeat: run: missing input file/],
    [["frobnicate"], /^logfeat: unknown command "frobnicate"/],
  ])("%j", (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});
