import type { FeatureName } from "@logfeat/schema";

/** Features shown as percentages. */
const RATE_FEATURES: ReadonlySet<string> = new Set(["error_rate", "warning_rate"]);
/** Features in milliseconds. */
const DURATION_FEATURES: ReadonlySet<string> = new Set([
  "median_duration_ms",
  "p95_duration_ms",
  "max_duration_ms",
]);

/** A feature value for people: rates as %, durations in ms, counts as integers; null as "–". */
export function formatFeature(feature: FeatureName | string, value: number | null): string {
  if (value === null) return "–";
  if (RATE_FEATURES.has(feature)) return `${(value * 100).toFixed(1)}%`;
  if (DURATION_FEATURES.has(feature)) return `${value.toFixed(1)} ms`;
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(2);
}

/** A byte count in KiB/MiB/GiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1_073_741_824) return `${(bytes / 1_048_576).toFixed(1)} MiB`;
  return `${(bytes / 1_073_741_824).toFixed(2)} GiB`;
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/**
 * Formats ISO instants in the run's time zone (`2025-02-07 10:35:00`), or in
 * UTC when the browser does not know the zone.
 */
export function instantFormatter(timeZone: string): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  };
  try {
    format = new Intl.DateTimeFormat("sv-SE", { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat("sv-SE", { ...options, timeZone: "UTC" });
  }
  return (iso) => format.format(new Date(iso));
}

/** Formats ISO instants as the time of day with milliseconds in the run's time zone (`10:35:00.438`). */
export function timeFormatter(timeZone: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions = {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    hourCycle: "h23",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
  }
  return (iso) => format.format(new Date(iso));
}

/**
 * A feature value for a chart axis: short (`40%`, `1.5 s`, `250 ms`, `1.2k`).
 */
export function formatAxisValue(feature: FeatureName | string, value: number): string {
  if (RATE_FEATURES.has(feature)) return `${Number((value * 100).toFixed(1))}%`;
  if (DURATION_FEATURES.has(feature))
    return Math.abs(value) >= 1000
      ? `${Number((value / 1000).toFixed(2))} s`
      : `${Number(value.toFixed(1))} ms`;
  if (Math.abs(value) >= 10_000) return `${Number((value / 1000).toFixed(1))}k`;
  return String(Number(value.toFixed(2)));
}
