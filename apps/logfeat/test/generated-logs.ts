/** A small deterministic PRNG (mulberry32) so generated test logs are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ["api-gateway", "auth", "billing", "search"];
const LEVELS = ["INFO", "INFO", "INFO", "INFO", "DEBUG", "WARNING", "ERROR", "CRITICAL"];

/** A generated log in the SPEC standard text layout, and which lines are garbage. */
export interface GeneratedLog {
  text: string;
  /** 1-based line numbers of the garbage lines. */
  garbageLines: number[];
  /** Number of well-formed records. */
  records: number;
}

/**
 * `count` lines in the standard layout over 4 services, two hours from
 * 2025-02-07T10:00Z, in slightly shuffled time order, with `garbageEvery`-th
 * lines replaced by garbage (0 = none).
 */
export function generateStandardLog(count: number, seed: number, garbageEvery = 0): GeneratedLog {
  const next = random(seed);
  const start = Date.UTC(2025, 1, 7, 10);
  const lines: string[] = [];
  const garbageLines: number[] = [];
  for (let index = 0; index < count; index += 1) {
    if (garbageEvery > 0 && index % garbageEvery === garbageEvery - 1) {
      lines.push(`### not a log line ${Math.floor(next() * 1e6)} ###`);
      garbageLines.push(index + 1);
      continue;
    }
    const time = new Date(
      start + Math.floor((index / count) * 7_200_000 + (next() - 0.5) * 20_000),
    );
    const service = SERVICES[Math.floor(next() * SERVICES.length)];
    const level = LEVELS[Math.floor(next() * LEVELS.length)];
    const duration = (Math.exp(next() * 4) * 3).toFixed(2);
    const code =
      level === "ERROR" || level === "CRITICAL" ? ` error_code=E${Math.floor(next() * 5)}` : "";
    lines.push(
      `${time.toISOString()} ${level} [${service}] request ${Math.floor(next() * 500)} handled for user u${Math.floor(next() * 40)} duration_ms=${duration}${code} request_id=r${index}`,
    );
  }
  return { text: `${lines.join("\n")}\n`, garbageLines, records: count - garbageLines.length };
}

/** A standard-layout line: timestamp, level, [service], message with its key=value pairs. */
const STANDARD_LINE =
  /^(\S+) (\S+) \[([^\]]+)\] (.*?) duration_ms=(\S+)(?: error_code=(\S+))? request_id=(\S+)$/;

/**
 * The lines of a generated standard log as JSON Lines (one object per
 * record, same fields); garbage lines stay as they are, so they are invalid
 * JSON at the same line numbers.
 */
export function standardToJsonLines(text: string): string {
  return text.replace(/^.+$/gm, (line) => {
    const match = STANDARD_LINE.exec(line);
    if (match === null) return line;
    const [, timestamp, level, service, message, duration, errorCode, requestId] = match;
    return JSON.stringify({
      timestamp,
      level,
      service,
      message,
      duration_ms: Number(duration),
      ...(errorCode === undefined ? {} : { error_code: errorCode }),
      request_id: requestId,
    });
  });
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string | undefined): string {
  if (value === undefined) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The lines of a generated standard log as CSV with the header
 * `timestamp,level,service,message,duration_ms,error_code,request_id`; a
 * garbage line becomes a row of one quoted cell holding the line and a line
 * break (so it is skipped as a wrong field count, and a row spans two lines).
 */
export function standardToCsv(text: string): string {
  const rows = ["timestamp,level,service,message,duration_ms,error_code,request_id"];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const match = STANDARD_LINE.exec(line);
    if (match === null) {
      rows.push(csvCell(`${line}\nsecond line`));
      continue;
    }
    const [, timestamp, level, service, message, duration, errorCode, requestId] = match;
    rows.push(
      [timestamp, level, service, message, duration, errorCode, requestId].map(csvCell).join(","),
    );
  }
  return `${rows.join("\n")}\n`;
}
