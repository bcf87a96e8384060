import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResponseJson, WindowResponseJson } from "../src/serve/api-types.js";
import { APP_DIR, runCli } from "./cli-harness.js";
import {
  type RawAnswer,
  rawRequest,
  type ServeProcess,
  startServe,
} from "./serve/serve-process.js";

const SAMPLE = join(APP_DIR, "samples", "checkout-service.log");

let server: ServeProcess;

beforeAll(async () => {
  server = await startServe([SAMPLE, "--max-upload-mb", "1", "--now", "2025-03-01T00:00:00Z"]);
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

/** The server still answers normally (after a refused request). */
async function expectStillServing(): Promise<void> {
  const answer = await rawRequest(server.url, "/api/status");
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ running: null });
}

function expectError(answer: RawAnswer, status: number, message: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error: unknown };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(message);
}

describe("logfeat serve: the page and the run", () => {
  it("serves the built page and its assets", async () => {
    const page = await rawRequest(server.url, "/");
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await rawRequest(server.url, `/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.contentType).toMatch(/^text\/javascript/);
  });

  it("GET /api/run has the features, ledger and per-service baseline of the file", async () => {
    const answer = await rawRequest(server.url, "/api/run");
    expect(answer.status).toBe(200);
    const { run, limits } = JSON.parse(answer.body) as RunResponseJson;
    expect(limits.max_upload_bytes).toBe(1_048_576);
    expect(run).not.toBeNull();
    const { ledger, features, services, baseline, reference, source } = run!;
    expect(source.name).toBe("checkout-service.log");
    expect(ledger.records_in).toBe(ledger.parsed + ledger.parse_skipped);
    expect(features.length).toBe(ledger.features);
    expect(services).toEqual(Object.keys(baseline.services ?? {}));
    expect(services).toContain("payment-service");
    expect(reference["payment-service"]?.error_rate?.mean).toBe(
      baseline.services?.["payment-service"]?.error_rate?.mean,
    );
  });

  it("GET /api/window returns the window's vector and its logs in order, capped by limit", async () => {
    const answer = await rawRequest(
      server.url,
      "/api/window?service=payment-service&start=2025-02-07T10:35:00Z&limit=5",
    );
    expect(answer.status).toBe(200);
    const window = JSON.parse(answer.body) as WindowResponseJson;
    expect(window.feature.service).toBe("payment-service");
    expect(window.feature.error_rate).toBeGreaterThan(0.2);
    expect(window.logs).toHaveLength(5);
    expect(window.total_logs).toBe(window.feature.total_events);
    const times = window.logs.map((entry) => entry.timestamp);
    expect([...times].sort()).toEqual(times);
    expect(window.logs.every((entry) => entry.source === "checkout-service.log")).toBe(true);
  });

  it("a missing window is a 404", async () => {
    expectError(
      await rawRequest(
        server.url,
        "/api/window?service=payment-service&start=1999-01-01T00:00:00Z",
      ),
      404,
      /no window of service "payment-service"/,
    );
    await expectStillServing();
  });
});

describe("logfeat serve: bad requests get a 4xx JSON error and the server keeps serving", () => {
  it.each([
    ["/../../etc/passwd", 400],
    ["/%2e%2e/%2e%2e/etc/passwd", 400],
    ["/%2E%2E%2f%2E%2E%2fetc%2fpasswd", 400],
    ["/static/..%2f..%2fpackage.json", 400],
    ["/assets/..%5c..%5cpackage.json", 400],
    ["/index.html%00.js", 400],
    ["/%E0%A4%A", 400],
    ["//etc/passwd", 404],
    ["/package.json", 404],
    ["/vite.config.ts", 404],
  ] as const)("path %s -> %i", async (target, status) => {
    const answer = await rawRequest(server.url, target);
    expectError(answer, status, status === 400 ? /bad request target/ : /not found/);
    expect(answer.body).not.toMatch(/root:|"name": "logfeat"/);
    await expectStillServing();
  });

  it("an absolute-form request target is refused", async () => {
    expectError(
      await rawRequest(server.url, "http://example.com/etc/passwd"),
      400,
      /bad request target: expected a path/,
    );
    await expectStillServing();
  });

  it("an oversized upload (2 MB over a 1 MiB limit) is a 413", async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, "2025-02-07T10:00:01Z INFO [a] x\n");
    const answer = await rawRequest(server.url, "/api/upload?name=big.log", {
      method: "POST",
      body,
    });
    expectError(answer, 413, /too large: the limit is 1048576 bytes/);
    await expectStillServing();
  });

  it("an oversized upload without Content-Length (chunked) is a 413 too", async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, "2025-02-07T10:00:01Z INFO [a] x\n");
    const answer = await rawRequest(server.url, "/api/upload?name=big.log", {
      method: "POST",
      headers: { "transfer-encoding": "chunked" },
      body,
    });
    expectError(answer, 413, /too large/);
    await expectStillServing();
  });

  it("an upload interrupted by the client changes nothing", async () => {
    const before = (await rawRequest(server.url, "/api/status")).body;
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const outgoing = request({
        hostname,
        port,
        path: "/api/upload?name=cut.log",
        method: "POST",
        headers: { "content-length": "100000" },
      });
      outgoing.on("error", () => resolve());
      outgoing.write("2025-02-07T10:00:01Z INFO [a] x\n");
      setTimeout(() => {
        outgoing.destroy();
        resolve();
      }, 100);
    });
    await expectStillServing();
    expect(JSON.parse((await rawRequest(server.url, "/api/status")).body).run_id).toBe(
      JSON.parse(before).run_id,
    );
  });

  it("a malformed JSON body is a 400", async () => {
    const answer = await rawRequest(server.url, "/api/options", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"windowSize": 60,',
    });
    expectError(answer, 400, /malformed JSON body/);
    await expectStillServing();
  });

  it.each([
    ['{"windowSize": 0}', /bad options: windowSize: expected at least 1 second/],
    ['{"format": "xml"}', /bad options: format: /],
    ['{"path": "/etc/passwd"}', /bad options: .*path/],
    ["[]", /bad options: /],
  ])("bad options %s -> 400", async (body, message) => {
    const answer = await rawRequest(server.url, "/api/options", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expectError(answer, 400, message);
    await expectStillServing();
  });

  it("options a stage rejects (an unknown time zone) are a 400 naming the option", async () => {
    const answer = await rawRequest(server.url, "/api/options", {
      method: "POST",
      body: '{"timeZone": "Mars/Olympus_Mons"}',
    });
    expectError(answer, 400, /timeZone/);
    const status = await rawRequest(server.url, "/api/status");
    expect(JSON.parse(status.body).last_error).toMatch(/timeZone/);
    const run = JSON.parse((await rawRequest(server.url, "/api/run")).body) as RunResponseJson;
    expect(run.run?.options.timeZone).toBe("UTC");
  });

  it.each([
    ["/nope", 404, /not found/],
    ["/api/nope", 404, /unknown API route/],
    ["/api/window?service=Payment&start=2025-02-07T10:35:00Z", 400, /bad query: service: /],
    ["/api/window?service=payment-service&start=yesterday", 400, /bad query: start: /],
    ["/api/window?service=payment-service", 400, /bad query: start: /],
    [
      "/api/window?service=payment-service&start=2025-02-07T10:35:00Z&limit=100000",
      400,
      /bad query: limit: /,
    ],
    ["/api/window?service=a&start=2025-02-07T10:35:00Z&path=/etc", 400, /bad query: .*path/],
    ["/api/upload?name=..%2F..%2Fx.log&windowSize=60", 405, /use POST/],
    ["/api/run?x=1", 400, /no query parameters/],
  ] as const)("GET %s -> %i", async (target, status, message) => {
    expectError(await rawRequest(server.url, target), status, message);
    await expectStillServing();
  });

  it.each([
    ["/api/upload?windowSize=60", /bad query: name: /],
    ["/api/upload?name=..%2F..%2Fx.log", /bad query: name: must be a file name, not a path/],
    ["/api/upload?name=a.log&windowSize=ten", /bad query: windowSize: /],
    ["/api/upload?name=a.log&format=xml", /bad query: format: /],
  ])("POST %s -> 400", async (target, message) => {
    expectError(
      await rawRequest(server.url, target, { method: "POST", body: "x\n" }),
      400,
      message,
    );
    await expectStillServing();
  });

  it("a cross-origin POST and a foreign Host header are 403", async () => {
    expectError(
      await rawRequest(server.url, "/api/options", {
        method: "POST",
        headers: { origin: "http://evil.example" },
        body: "{}",
      }),
      403,
      /cross-origin/,
    );
    expectError(
      await rawRequest(server.url, "/api/run", { headers: { host: "evil.example:80" } }),
      403,
      /Host header/,
    );
    await expectStillServing();
  });
});

describe("logfeat serve: uploads and re-runs", () => {
  it("an upload is run with its options and becomes the current run; the previous one is replaced", async () => {
    const lines = [
      "2025-02-07T10:00:01Z INFO [api] ok duration_ms=10",
      "2025-02-07T10:00:02Z ERROR [api] boom error_code=E1",
      "2025-02-07T10:01:30Z INFO [db] ok",
      "garbage line",
    ];
    const answer = await rawRequest(server.url, "/api/upload?name=small%20app.log&windowSize=60", {
      method: "POST",
      body: `${lines.join("\n")}\n`,
    });
    expect(answer.status).toBe(200);
    const { run } = JSON.parse(answer.body) as RunResponseJson;
    expect(run?.source.name).toBe("small app.log");
    expect(run?.options.windowSize).toBe(60);
    expect(run?.ledger).toMatchObject({ records_in: 4, parse_skipped: 1, entries: 3 });
    expect(run?.services).toEqual(["api", "db"]);
    expect(run?.details.examples_by_code["no_layout_match"]?.[0]).toMatchObject({
      source: "small app.log",
      line: 4,
    });
    const rerun = await rawRequest(server.url, "/api/options", {
      method: "POST",
      body: '{"windowSize": 300}',
    });
    expect(rerun.status).toBe(200);
    const again = JSON.parse(rerun.body) as RunResponseJson;
    expect(again.run?.source.name).toBe("small app.log");
    expect(again.run?.id).toBe((run?.id ?? 0) + 1);
    expect(again.run?.features.map((vector) => vector.service)).toEqual(["api", "db"]);
    await expectStillServing();
  });
});

describe("logfeat serve: command-line mistakes exit 2 before listening", () => {
  it.each([
    [["-"], /serve: needs a file, not stdin/],
    [[SAMPLE, SAMPLE], /expected at most one input file/],
    [["--port", "http"], /--port: expected an integer 0..65535/],
    [["--port", "70000"], /--port: expected an integer 0..65535/],
    [["--max-upload-mb", "0"], /--max-upload-mb: expected a number of MiB > 0/],
    [["--no-retain-logs"], /unknown flag '--no-retain-logs'/],
    [["--json-summary", "x.json"], /unknown flag '--json-summary'/],
    [[SAMPLE, "--time-zone", "Mars/Olympus_Mons"], /--time-zone: .*Mars/],
    [[join(APP_DIR, "samples", "missing.log")], /missing\.log/],
  ])("serve %j", (args, message) => {
    const run = runCli(["serve", "--port", "0", ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });
});
