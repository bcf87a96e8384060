import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";

/** True when a `redis-server` binary is on the PATH. */
export const REDIS_SERVER_INSTALLED =
  spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

/** Why the Redis tests are skipped, for the describe title (empty when they run). */
export const REDIS_SKIP_REASON = REDIS_SERVER_INSTALLED
  ? ""
  : " (skipped: redis-server is not installed; apt-get install -y redis-server)";

/** A free TCP port on 127.0.0.1 (nothing listens on it when this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server started for a test. */
export interface TestRedis {
  /** URL with the test user and password: `redis://logfeat:<password>@127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** The test user's password (the URL masks it in messages). */
export const TEST_PASSWORD = "s3cret-pass";

/**
 * Starts `redis-server` on 127.0.0.1 on a free port, without persistence,
 * with an ACL user `logfeat` (password TEST_PASSWORD) and the default user
 * off, and resolves once it accepts connections.
 */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--user",
      "default",
      "off",
      "--user",
      "logfeat",
      "on",
      `>${TEST_PASSWORD}`,
      "~*",
      "&*",
      "+@all",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start within 10 s:\n${output}`)),
      10_000,
    );
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  child.stdout?.removeAllListeners("data");
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://logfeat:${TEST_PASSWORD}@127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
