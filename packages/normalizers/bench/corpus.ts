import type { ParsedLog } from "@logfeat/schema";

const SERVICES = ["api-server", "Auth Service", "dfs.DataNode$PacketResponder", "billing", "web"];
const LEVELS = ["INFO", "info", "WARN", "ERROR", "debug", "Information", 30, "[error]"];
const MESSAGES = [
  (index: number) => `GET /api/v1/users/${index % 9973} 200 in ${index % 997}ms`,
  (index: number) =>
    `Receiving block blk_${7_000_000_000_000 + index} src: /10.250.${index % 255}.${index % 7}:54106 dest: /10.250.19.102:50010`,
  (index: number) =>
    `DB timeout after ${index % 5000}ms error_code=DB_TIMEOUT request_id=req-${index}`,
  (index: number) =>
    `session ${((index * 2654435761) >>> 0).toString(16).padStart(8, "0")}-1d2f-4e5a-9b8c-0123456789ab opened for user "user${index % 100}"`,
  () => "Cache warmed up, serving requests",
  (index: number) =>
    `Retrying connection to 2001:db8::${(index % 65535).toString(16)} (attempt ${index % 5})`,
];

/** ISO forms seen in real logs; every 10th record is naive (read in the normalizer's zone). */
function timestamp(index: number): string | number {
  const instant = Date.UTC(2025, 1, 7) + index * 37;
  const iso = new Date(instant).toISOString();
  switch (index % 10) {
    case 0:
      return iso.slice(0, 19).replace("T", " ");
    case 1:
      return iso.replace("Z", "+00:00");
    case 2:
      return `${iso.slice(0, 19)},${iso.slice(20, 23)}Z`;
    case 3:
      return `${iso.slice(0, 23)}456789Z`;
    case 4:
      return iso.slice(0, 19).replace("T", " ") + iso.slice(19);
    case 5:
      return `${iso.slice(0, 19)}+0100`;
    case 6:
      return `${iso.slice(0, 19)}Z`;
    default:
      return iso;
  }
}

/**
 * `count` ParsedLogs: mixed ISO timestamps (10% naive), levels, services,
 * realistic messages. Each record goes through a JSON round trip so its
 * strings are flat, as they are when a parser produced them (a template
 * literal makes a rope that is flattened on first read, which a benchmark
 * would wrongly charge to the normalizer).
 */
export function benchCorpus(count: number): ParsedLog[] {
  const records: ParsedLog[] = new Array(count);
  for (let index = 0; index < count; index += 1) {
    const record: ParsedLog = {
      source: "bench.log",
      line: index + 1,
      format: "text",
      timestamp: timestamp(index),
      level: LEVELS[index % LEVELS.length] as string | number,
      service: SERVICES[index % SERVICES.length] as string,
      message: (MESSAGES[index % MESSAGES.length] as (index: number) => string)(index),
      extra: {},
    };
    if (index % 3 === 0) {
      record.duration = index % 2 === 0 ? index % 1000 : `${index % 1000}.5ms`;
      record.duration_field = "duration_ms";
    }
    if (index % 4 === 0) record.request_id = `req-${index}`;
    records[index] = JSON.parse(JSON.stringify(record)) as ParsedLog;
  }
  return records;
}
