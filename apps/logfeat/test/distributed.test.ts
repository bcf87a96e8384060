import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, NOW, temporaryFolder } from "./cli-harness.js";
import { runCliAsync, startCli } from "./distributed/cli-process.js";
import {
  freePort,
  REDIS_SERVER_INSTALLED,
  REDIS_SKIP_REASON,
  startRedisServer,
  TEST_PASSWORD,
  type TestRedis,
} from "./distributed/redis-server.js";
import { generateStandardLog } from "./generated-logs.js";

const REFERENCE_TIME = "2025-02-08T00:00:00Z";
const GROUP = "logfeat-workers";

/** The ledger text without its last line's elapsed milliseconds (the one part that may differ). */
function ledgerWithoutTime(stderr: string): string {
  return stderr.replace(/; \d+ ms\n$/, "; <elapsed> ms\n");
}

/** A JSON summary without `elapsed_ms`. */
function summaryWithoutTime(path: string): Record<string, unknown> {
  const { elapsed_ms: _elapsed, ...rest } = JSON.parse(readFileSync(path, "utf8")) as Record<
    string,
    unknown
  >;
  return rest;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function expectOk(run: CliRun, what: string): void {
  expect(run.code, `${what} failed:\n${run.stderr}`).toBe(0);
}

describe.skipIf(!REDIS_SERVER_INSTALLED)(
  `submit / worker / collect on Redis${REDIS_SKIP_REASON}`,
  () => {
    let redisServer: TestRedis;
    let redis: Redis;
    const folder = temporaryFolder();
    const big = join(folder, "big.log");
    const bigLog = generateStandardLog(200_000, 11, 997);
    let runOutput: CliRun;

    beforeAll(async () => {
      redisServer = await startRedisServer();
      redis = new Redis(redisServer.url);
      writeFileSync(big, bigLog.text);
      runOutput = await runCliAsync([
        "run",
        big,
        "--now",
        NOW,
        "--reference-time",
        REFERENCE_TIME,
        "--json-summary",
        join(folder, "run-summary.json"),
      ]);
      expectOk(runOutput, "run");
    }, 60_000);

    afterAll(async () => {
      redis?.disconnect();
      await redisServer?.stop();
    });

    it("three workers, one killed with SIGKILL mid-job: collect writes exactly what run writes", async () => {
      const job = "big-200k";
      const stream = `logfeat:job:${job}:stream`;
      const partials = `logfeat:job:${job}:partials`;
      // Workers first: they wait for the job.
      const workers = [1, 2, 3].map((number) =>
        startCli([
          "worker",
          "--redis",
          redisServer.url,
          "--job",
          job,
          "--name",
          `w${number}`,
          "--claim-after",
          "2",
        ]),
      );
      const submit = startCli([
        "submit",
        big,
        "--redis",
        redisServer.url,
        "--job",
        job,
        "--reference-time",
        REFERENCE_TIME,
      ]);
      // A consumer that takes three batches and never acknowledges them: a worker that died holding them.
      await waitFor(async () => (await redis.xlen(stream)) >= 20, "the first batches");
      const stalled = (await redis.xreadgroup(
        "GROUP",
        GROUP,
        "stalled",
        "COUNT",
        3,
        "STREAMS",
        stream,
        ">",
      )) as [string, [string, string[]][]][];
      expect(stalled[0]?.[1]).toHaveLength(3);
      // Kill a real worker in the middle of the job.
      await waitFor(async () => (await redis.hlen(partials)) >= 40, "40 partials");
      const victim = workers[1]!;
      victim.child.kill("SIGKILL");
      expect((await victim.done).signal).toBe("SIGKILL");
      expect(await redis.hlen(partials)).toBeLessThan(200);

      const submitted = await submit.done;
      expectOk(submitted, "submit");
      expect(submitted.stderr).toContain('submitted job "big-200k": 200000 records in 200 batches');
      const collected = await runCliAsync([
        "collect",
        "--redis",
        redisServer.url,
        "--job",
        job,
        "--now",
        NOW,
        "--json-summary",
        join(folder, "collect-summary.json"),
      ]);
      expectOk(collected, "collect");
      const survivors = await Promise.all([workers[0]!.done, workers[2]!.done]);
      for (const survivor of survivors) expectOk(survivor, "worker");

      // Byte-identical features, the same ledger (but the time) and JSON summary.
      expect(collected.stdout).toBe(runOutput.stdout);
      expect(ledgerWithoutTime(collected.stderr)).toBe(ledgerWithoutTime(runOutput.stderr));
      expect(summaryWithoutTime(join(folder, "collect-summary.json"))).toEqual(
        summaryWithoutTime(join(folder, "run-summary.json")),
      );

      // The ledger adds up: every line counted once, every entry in one window.
      const ledger = summaryWithoutTime(join(folder, "collect-summary.json")) as Record<
        string,
        number
      >;
      expect(ledger["records_in"]).toBe(200_000);
      expect(ledger["parse_skipped"]).toBe(bigLog.garbageLines.length);
      expect(ledger["records_in"]).toBe(ledger["parsed"]! + ledger["parse_skipped"]!);
      expect(ledger["parsed"]).toBe(ledger["entries"]! + ledger["normalize_skipped"]!);
      const totalEvents = collected.stdout
        .trim()
        .split("\n")
        .reduce(
          (sum, line) => sum + (JSON.parse(line) as { total_events: number }).total_events,
          0,
        );
      expect(totalEvents).toBe(ledger["entries"]);

      // The stalled consumer's batches were claimed by the survivors; nothing is left pending.
      const claimed = survivors
        .map((run) => Number(/(\d+) claimed/.exec(run.stderr)?.[1] ?? 0))
        .reduce((sum, count) => sum + count, 0);
      expect(claimed).toBeGreaterThanOrEqual(3);
      const pending = (await redis.xpending(stream, GROUP)) as [number, ...unknown[]];
      expect(pending[0]).toBe(0);
      expect(await redis.hlen(partials)).toBe(200);

      // A second collect of the same job gives the same output, ledger and summary.
      const again = await runCliAsync([
        "collect",
        "--redis",
        redisServer.url,
        "--job",
        job,
        "--now",
        NOW,
        "--json-summary",
        join(folder, "collect-again.json"),
      ]);
      expectOk(again, "second collect");
      expect(again.stdout).toBe(collected.stdout);
      expect(again.stderr).toBe(collected.stderr);
      expect(readFileSync(join(folder, "collect-again.json"), "utf8")).toBe(
        readFileSync(join(folder, "collect-summary.json"), "utf8"),
      );
    }, 90_000);

    it("two jobs on one Redis do not mix, and their keys expire", async () => {
      const alpha = join(folder, "alpha.log");
      const beta = join(folder, "beta.log");
      writeFileSync(alpha, generateStandardLog(3000, 1, 0).text);
      writeFileSync(beta, generateStandardLog(5000, 2, 50).text);
      const common = ["--redis", redisServer.url, "--reference-time", REFERENCE_TIME];
      const submits = await Promise.all([
        runCliAsync(["submit", alpha, "--job", "alpha", ...common, "--expire-after", "3600"]),
        runCliAsync(["submit", beta, "--job", "beta", ...common, "--chunk-size", "300"]),
      ]);
      for (const submitted of submits) expectOk(submitted, "submit");
      const workers = await Promise.all(
        ["alpha", "beta", "alpha", "beta"].map((job) =>
          runCliAsync(["worker", "--redis", redisServer.url, "--job", job, "--quiet"]),
        ),
      );
      for (const worker of workers) expectOk(worker, "worker");
      for (const [job, file] of [
        ["alpha", alpha],
        ["beta", beta],
      ] as const) {
        const [collected, ran] = await Promise.all([
          runCliAsync([
            "collect",
            "--redis",
            redisServer.url,
            "--job",
            job,
            "--now",
            NOW,
            "--output",
            "csv",
          ]),
          runCliAsync([
            "run",
            file,
            "--now",
            NOW,
            "--reference-time",
            REFERENCE_TIME,
            "--output",
            "csv",
          ]),
        ]);
        expectOk(collected, `collect ${job}`);
        expect(collected.stdout).toBe(ran.stdout);
        expect(ledgerWithoutTime(collected.stderr)).toBe(ledgerWithoutTime(ran.stderr));
      }
      const alphaKeys = (await redis.keys("logfeat:job:alpha:*")).sort();
      expect(alphaKeys).toEqual([
        "logfeat:job:alpha:meta",
        "logfeat:job:alpha:partials",
        "logfeat:job:alpha:stream",
      ]);
      for (const key of alphaKeys) {
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(3000);
        expect(ttl).toBeLessThanOrEqual(3600);
      }
      expect(await redis.ttl("logfeat:job:beta:meta")).toBeGreaterThan(3600);
    }, 60_000);

    it("a malformed stream entry is a note in the ledger, not a crash", async () => {
      const small = join(folder, "small.log");
      writeFileSync(small, generateStandardLog(2000, 3, 0).text);
      const job = "with-junk";
      expectOk(
        await runCliAsync([
          "submit",
          small,
          "--redis",
          redisServer.url,
          "--job",
          job,
          "--reference-time",
          REFERENCE_TIME,
        ]),
        "submit",
      );
      await redis.xadd(`logfeat:job:${job}:stream`, "*", "hello", "world");
      expectOk(await runCliAsync(["worker", "--redis", redisServer.url, "--job", job]), "worker");
      const [collected, ran] = await Promise.all([
        runCliAsync(["collect", "--redis", redisServer.url, "--job", job, "--now", NOW]),
        runCliAsync(["run", small, "--now", NOW, "--reference-time", REFERENCE_TIME]),
      ]);
      expectOk(collected, "collect");
      expect(collected.stdout).toBe(ran.stdout);
      expect(collected.stderr).toMatch(
        /kept with notes:\n\s+malformed_batch\s+1 e\.g\. logfeat:job:with-junk:stream entry \d+-\d+/,
      );
    }, 90_000);

    it("refuses a job id that exists, a bad job id and a finite --allowed-lateness (exit 2)", async () => {
      const small = join(folder, "tiny.log");
      writeFileSync(small, generateStandardLog(10, 4, 0).text);
      const args = ["submit", small, "--redis", redisServer.url];
      expectOk(await runCliAsync([...args, "--job", "twice", "--quiet"]), "first submit");
      const twice = await runCliAsync([...args, "--job", "twice"]);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toMatch(
        /^logfeat: submit: job "twice" already exists on redis:\/\/logfeat:\*\*\*@127\.0\.0\.1:\d+;/,
      );
      const badId = await runCliAsync([...args, "--job", "no spaces"]);
      expect(badId.code).toBe(2);
      expect(badId.stderr).toContain("--job: expected");
      const lateness = await runCliAsync([...args, "--job", "late", "--allowed-lateness", "60"]);
      expect(lateness.code).toBe(2);
      expect(lateness.stderr).toContain("--allowed-lateness");
      expect(await redis.exists("logfeat:job:late:meta")).toBe(0);
    }, 30_000);
  },
);

describe("an unreachable Redis", () => {
  it("is exit 2 with one line naming the URL, password masked", async () => {
    const port = await freePort();
    const url = `redis://logfeat:${TEST_PASSWORD}@127.0.0.1:${port}`;
    const folder = temporaryFolder();
    const file = join(folder, "app.log");
    writeFileSync(file, generateStandardLog(10, 5, 0).text);
    const runs = await Promise.all([
      runCliAsync(["submit", file, "--redis", url, "--job", "j"]),
      runCliAsync(["worker", "--redis", url, "--job", "j"]),
      runCliAsync(["collect", "--redis", url, "--job", "j"]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^logfeat: cannot connect to Redis at redis://logfeat:\\*\\*\\*@127\\.0\\.0\\.1:${port}: .+\\n$`,
        ),
      );
      expect(run.stderr).not.toContain(TEST_PASSWORD);
    }
  });
});
