import { SeededRandom } from "./random.js";

/** The five canonical levels, as the generator writes them. */
export type CorpusLevel = "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL";

/**
 * Which broken record a malformed slot becomes: each format writes its own
 * kind of garbage for the same slot (see corpus-formats.ts), and every kind
 * is skipped by the pipeline, so the three files give the same features.
 */
export type MalformedKind = 0 | 1 | 2;

/** One generated log record (or a malformed slot), before it is written in a format. */
export interface CorpusRecord {
  /** ISO 8601 UTC with milliseconds and `Z`. */
  timestamp: string;
  level: CorpusLevel;
  service: string;
  /** No `key=value` text and no duration suffix, so it reads the same in every format. */
  message: string;
  /** Integer milliseconds, or null when the record carries no duration. */
  durationMs: number | null;
  errorCode: string | null;
  requestId: string | null;
  /** Null for a good record. */
  malformed: MalformedKind | null;
}

/** Options of the generator. */
export interface CorpusOptions {
  /** Number of records (malformed slots included); a non-negative integer. */
  records: number;
  /** PRNG seed (32-bit integer). */
  seed: number;
}

/** First timestamp of every corpus: 2025-02-07T00:00:00.000Z. */
export const CORPUS_START_MS = Date.UTC(2025, 1, 7);
/** Mean gap between consecutive records, ms: 1M records span about one day. */
export const MEAN_GAP_MS = 86.4;
/** Share of malformed slots. */
export const MALFORMED_SHARE = 0.005;
/** Share of records whose timestamp is moved back by up to `MAX_JITTER_MS`. */
export const OUT_OF_ORDER_SHARE = 0.01;
/** Largest backward jitter of an out-of-order record, ms. */
export const MAX_JITTER_MS = 3000;

/** Cumulative level mix: ~80% INFO, 10% DEBUG, 6% WARNING, 3.5% ERROR, 0.5% CRITICAL. */
const LEVEL_MIX: readonly (readonly [number, CorpusLevel])[] = [
  [0.8, "INFO"],
  [0.9, "DEBUG"],
  [0.96, "WARNING"],
  [0.995, "ERROR"],
  [1, "CRITICAL"],
];

interface ServiceProfile {
  name: string;
  /** Relative traffic weight. */
  weight: number;
  /** Median duration of a normal request, ms (lognormal). */
  medianMs: number;
  /** Lognormal sigma. */
  sigma: number;
  info: readonly string[];
  debug: readonly string[];
  warning: readonly string[];
  error: readonly string[];
  errorCodes: readonly string[];
}

/**
 * Message templates: `{n}` a number, `{id}` a hex id, `{user}` a quoted
 * user name, `{ip}` an IPv4 address, `{path}` an API path.
 */
const SERVICES: readonly ServiceProfile[] = [
  {
    name: "api-gateway",
    weight: 30,
    medianMs: 45,
    sigma: 0.8,
    info: [
      "GET {path} 200",
      "POST {path} 201",
      "Request routed to upstream",
      "Client {ip} connected",
    ],
    debug: ["Route table lookup for {path}", "Header size {n} bytes"],
    warning: ["Slow upstream response from {path}", "Client {ip} near rate limit"],
    error: ["Upstream returned 503 for {path}", "Request to {path} failed"],
    errorCodes: ["UPSTREAM_5XX", "GATEWAY_TIMEOUT", "RATE_LIMITED"],
  },
  {
    name: "auth-service",
    weight: 12,
    medianMs: 18,
    sigma: 0.6,
    info: ["User {user} logged in", "Token refreshed for session {id}", "Password check passed"],
    debug: ["JWKS cache hit", "Session {id} loaded"],
    warning: ["Failed login attempt for {user}", "Token for session {id} expires soon"],
    error: ["Token validation failed for session {id}", "LDAP bind failed"],
    errorCodes: ["AUTH_INVALID_TOKEN", "AUTH_LDAP_DOWN", "AUTH_LOCKED"],
  },
  {
    name: "user-service",
    weight: 12,
    medianMs: 25,
    sigma: 0.7,
    info: ["Profile {n} fetched", "Profile {n} updated", "Preferences saved, user {n}"],
    debug: ["Cache miss for user {n}", "Query plan reused"],
    warning: ["Profile {n} has no avatar, using default"],
    error: ["Database query failed for user {n}"],
    errorCodes: ["DB_TIMEOUT", "DB_CONN_REFUSED"],
  },
  {
    name: "order-service",
    weight: 10,
    medianMs: 80,
    sigma: 0.7,
    info: ["Order {n} created", "Order {n} shipped", "Cart {id} checked out"],
    debug: ["Order {n} state machine step {n}"],
    warning: ["Order {n} retried, attempt {n}", "Stock low for item {n}"],
    error: ["Order {n} failed, rolling back", "Inventory reservation failed for order {n}"],
    errorCodes: ["DB_TIMEOUT", "INVENTORY_CONFLICT", "ORDER_INVALID"],
  },
  {
    name: "payment-service",
    weight: 8,
    medianMs: 220,
    sigma: 0.9,
    info: ["Payment {id} authorized", "Refund {id} issued", "Payment {id} captured"],
    debug: ["Provider session {id} opened"],
    warning: ["Payment provider slow, queue depth {n}", "Payment {id} flagged for review"],
    error: ["Payment {id} declined by provider", "Payment provider unreachable"],
    errorCodes: ["PAYMENT_DECLINED", "PROVIDER_TIMEOUT", "FRAUD_SUSPECTED"],
  },
  {
    name: "inventory-service",
    weight: 10,
    medianMs: 35,
    sigma: 0.6,
    info: ["Stock for item {n} is {n}", "Reservation {id} confirmed", "Warehouse sync done"],
    debug: ["Item {n} read from replica"],
    warning: ["Reservation {id} about to expire"],
    error: ["Stock update for item {n} conflicted"],
    errorCodes: ["INVENTORY_CONFLICT", "DB_DEADLOCK"],
  },
  {
    name: "notification-service",
    weight: 8,
    medianMs: 120,
    sigma: 1,
    info: ["Email queued for user {n}", "Push notification sent to device {id}", "SMS delivered"],
    debug: ["Template welcome_v{n} rendered"],
    warning: ["SMTP relay answered slowly, queue depth {n}", "Device {id} token stale"],
    error: ["Email to {user} bounced", "Push gateway rejected device {id}"],
    errorCodes: ["SMTP_BOUNCE", "PUSH_REJECTED"],
  },
  {
    name: "search-service",
    weight: 10,
    medianMs: 60,
    sigma: 0.75,
    info: ["Query returned {n} hits", "Index segment {n} merged", "Suggestions served"],
    debug: ["Shard {n} answered slowly"],
    warning: ["Query took longer than budget, {n} hits"],
    error: ["Shard {n} unavailable", "Index refresh failed"],
    errorCodes: ["SHARD_DOWN", "INDEX_CORRUPT"],
  },
];

const USER_NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];
const API_PATHS = ["/api/v1/users", "/api/v1/orders", "/api/v1/cart", "/api/v2/search", "/health"];

/** An incident: during a slice of the corpus (as a share of records), 20% of one service's records are extra ERRORs. */
const INCIDENT = { service: "payment-service", from: 0.4, to: 0.42, errorShare: 0.2 } as const;

/** The services of the corpus, in their fixed order. */
export const CORPUS_SERVICES: readonly string[] = SERVICES.map((service) => service.name);

function fillTemplate(template: string, random: SeededRandom): string {
  return template.replace(/\{(n|id|user|ip|path)\}/g, (_match, slot: string) => {
    switch (slot) {
      case "n":
        return String(1 + random.integer(99_999));
      case "id":
        return random.hex(12);
      case "user":
        return `"${random.pick(USER_NAMES)}"`;
      case "ip":
        return `10.${random.integer(256)}.${random.integer(256)}.${1 + random.integer(254)}`;
      default:
        return random.pick(API_PATHS);
    }
  });
}

function pickLevel(random: SeededRandom, extraErrorShare: number): CorpusLevel {
  const draw = random.next();
  if (draw < extraErrorShare) return "ERROR";
  for (const [threshold, level] of LEVEL_MIX) if (draw < threshold) return level;
  return "INFO";
}

function templatesFor(profile: ServiceProfile, level: CorpusLevel): readonly string[] {
  if (level === "DEBUG") return profile.debug;
  if (level === "WARNING") return profile.warning;
  if (level === "ERROR" || level === "CRITICAL") return profile.error;
  return profile.info;
}

/**
 * Generates `options.records` records in file order, deterministically from
 * `options.seed`, calling `emit` for each (the same object is reused between
 * calls: copy what you keep).
 */
export function generateRecords(
  options: CorpusOptions,
  emit: (record: CorpusRecord) => void,
): void {
  const random = new SeededRandom(options.seed);
  const totalWeight = SERVICES.reduce((sum, service) => sum + service.weight, 0);
  const record: CorpusRecord = {
    timestamp: "",
    level: "INFO",
    service: "",
    message: "",
    durationMs: null,
    errorCode: null,
    requestId: null,
    malformed: null,
  };
  let clock = CORPUS_START_MS;
  for (let index = 0; index < options.records; index++) {
    clock += random.exponential(MEAN_GAP_MS);
    let at = Math.floor(clock);
    if (random.next() < OUT_OF_ORDER_SHARE) at -= random.integer(MAX_JITTER_MS + 1);

    let weightDraw = random.next() * totalWeight;
    let profile = SERVICES[SERVICES.length - 1] as ServiceProfile;
    for (const candidate of SERVICES) {
      weightDraw -= candidate.weight;
      if (weightDraw < 0) {
        profile = candidate;
        break;
      }
    }
    const progress = options.records === 0 ? 0 : index / options.records;
    const inIncident =
      profile.name === INCIDENT.service && progress >= INCIDENT.from && progress < INCIDENT.to;
    const level = pickLevel(random, inIncident ? INCIDENT.errorShare : 0);
    const failing = level === "ERROR" || level === "CRITICAL";

    record.timestamp = new Date(at).toISOString();
    record.level = level;
    record.service = profile.name;
    record.message = fillTemplate(random.pick(templatesFor(profile, level)), random);
    const hasDuration = level === "DEBUG" ? random.next() < 0.3 : random.next() < 0.92;
    record.durationMs = hasDuration
      ? Math.max(
          1,
          Math.round(
            profile.medianMs * (failing ? 4 : 1) * Math.exp(profile.sigma * random.normal()),
          ),
        )
      : null;
    record.errorCode =
      failing || (level === "WARNING" && random.next() < 0.3)
        ? random.pick(profile.errorCodes)
        : null;
    record.requestId = random.next() < 0.9 ? `req-${random.hex(10)}` : null;
    record.malformed =
      random.next() < MALFORMED_SHARE ? (random.integer(3) as MalformedKind) : null;
    emit(record);
  }
}
