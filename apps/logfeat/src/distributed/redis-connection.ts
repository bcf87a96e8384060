import { Redis } from "ioredis";
import { UsageError } from "../usage-error.js";

/** Milliseconds a connection attempt may take before it counts as failed. */
const CONNECT_TIMEOUT_MS = 3000;
/** Reconnection attempts after a connection that worked drops (about 10 s in all). */
const RECONNECT_ATTEMPTS = 12;

/**
 * A Redis URL fit for messages: the password (and a user-less password) is
 * replaced by `***` (`redis://user:***@host:6379`). Text that is not a URL is
 * returned with anything between `:` and `@` masked.
 */
export function maskRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}

/** Checks that `--redis` is a `redis://` or `rediss://` URL; UsageError otherwise. */
function checkRedisUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new UsageError(
      `--redis: expected a URL such as redis://localhost:6379 or rediss://user:password@host:6380, received "${maskRedisUrl(url)}"`,
    );
  }
  if (protocol !== "redis:" && protocol !== "rediss:")
    throw new UsageError(
      `--redis: expected a redis:// or rediss:// URL, received "${maskRedisUrl(url)}"`,
    );
}

/**
 * Connects to Redis at `url` (user, password, database number and `rediss://`
 * TLS as ioredis reads them). Fails fast: a server that cannot be reached
 * (refused, unknown host, no answer within 3 s, bad password) is a UsageError
 * naming the URL with its password masked. Once connected, a dropped
 * connection is retried for about 10 s before commands fail.
 */
export async function connectRedis(url: string, connectionName: string): Promise<Redis> {
  checkRedisUrl(url);
  let lastError: Error | null = null;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 3,
    connectionName,
    retryStrategy: (attempt) =>
      attempt > RECONNECT_ATTEMPTS ? null : Math.min(attempt * 200, 1000),
  });
  redis.on("error", (error: Error) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = (lastError ?? (error as Error)).message;
    throw new UsageError(`cannot connect to Redis at ${maskRedisUrl(url)}: ${reason}`);
  }
  return redis;
}
