#!/usr/bin/env node
// Measures the distributed path (submit + N workers + collect on one Redis) against `logfeat run`
// on the same file, on this machine. Usage (after `pnpm build`):
//   node apps/logfeat/scripts/distributed-bench.mjs [--file f] [--workers 1,2] [--runs 3] [--redis url] [--json out.json]
// Default file: the bench corpus bench/corpus/logs-1000000-seed42.log
// (`pnpm --filter @logfeat/bench run corpus` writes it). Without --redis a redis-server
// is started on a free port (no persistence) and stopped at the end.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const APP = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(APP, "dist", "bin", "cli.js");
const NOW = "2025-03-01T00:00:00Z";
const REFERENCE_TIME = "2025-02-08T00:00:00Z";

const { values } = parseArgs({
  options: {
    file: {
      type: "string",
      default: join(APP, "..", "..", "bench", "corpus", "logs-1000000-seed42.log"),
    },
    workers: { type: "string", default: "1,2" },
    runs: { type: "string", default: "3" },
    redis: { type: "string" },
    json: { type: "string" },
  },
});
const workerCounts = values.workers.split(",").map(Number);
const runs = Number(values.runs);

/** Runs a command to completion; resolves with stdout, stderr and the exit code. */
function execute(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    let stderr = "";
    child.stdout.on("data", (data) => out.push(data));
    child.stderr.on("data", (data) => {
      stderr += data;
    });
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

async function cli(args) {
  const result = await execute(process.execPath, [CLI, ...args]);
  if (result.code !== 0) throw new Error(`logfeat ${args.join(" ")} failed:\n${result.stderr}`);
  return result;
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (data) => {
      output += data;
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

const sha = (buffer) => createHash("sha256").update(buffer).digest("hex");
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const redis =
  values.redis === undefined ? await startRedis() : { url: values.redis, stop: () => {} };
try {
  const baseline = [];
  let expected = "";
  let records = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await cli([
      "run",
      values.file,
      "--now",
      NOW,
      "--reference-time",
      REFERENCE_TIME,
    ]);
    baseline.push((performance.now() - started) / 1000);
    expected = sha(result.stdout);
    records = Number(/records in\s+(\d+)/.exec(result.stderr)?.[1] ?? 0);
  }
  const rows = [["logfeat run", median(baseline), null, null]];
  for (const count of workerCounts) {
    const totals = [];
    const submits = [];
    for (let run = 0; run < runs; run += 1) {
      const job = `bench-${count}-${run}-${Date.now()}`;
      const common = ["--redis", redis.url, "--job", job];
      const started = performance.now();
      const workers = Array.from({ length: count }, (_, index) =>
        cli(["worker", ...common, "--name", `bench-${index}`, "--quiet"]),
      );
      await cli([
        "submit",
        values.file,
        ...common,
        "--reference-time",
        REFERENCE_TIME,
        "--quiet",
        "--expire-after",
        "600",
      ]);
      submits.push((performance.now() - started) / 1000);
      const collected = await cli(["collect", ...common, "--now", NOW, "--quiet"]);
      totals.push((performance.now() - started) / 1000);
      await Promise.all(workers);
      if (sha(collected.stdout) !== expected)
        throw new Error(`job ${job}: collect output differs from run`);
    }
    rows.push([
      `submit + ${count} worker${count > 1 ? "s" : ""} + collect`,
      median(totals),
      median(submits),
      count,
    ]);
  }
  const base = rows[0][1];
  process.stdout.write(
    `${records} records, ${values.file}\n${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, median of ${runs}\n\n`,
  );
  process.stdout.write(
    "| path | wall s | records/s | vs run | submit s |\n| --- | ---: | ---: | ---: | ---: |\n",
  );
  for (const [name, seconds, submit] of rows)
    process.stdout.write(
      `| ${name} | ${seconds.toFixed(2)} | ${Math.round(records / seconds).toLocaleString("en-US")} | ${name === "logfeat run" ? "1.00x" : `${(seconds / base).toFixed(2)}x`} | ${submit === null ? "" : submit.toFixed(2)} |\n`,
    );
  process.stdout.write("\nEvery collect output was byte-identical to logfeat run's.\n");
  if (values.json !== undefined)
    writeFileSync(
      values.json,
      `${JSON.stringify(
        {
          file: values.file,
          records,
          runs,
          rows: rows.map(([name, seconds, submit, workers]) => ({
            path: name,
            workers,
            seconds,
            recordsPerSecond: records / seconds,
            ratioToRun: seconds / base,
            submitSeconds: submit,
          })),
          identicalOutput: true,
        },
        null,
        2,
      )}\n`,
    );
} finally {
  redis.stop();
}
