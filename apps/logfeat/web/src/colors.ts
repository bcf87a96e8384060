import type { LogLevel } from "@logfeat/schema";

/** Colour of each canonical level (badges in the log table). */
export const LEVEL_COLORS: Readonly<Record<LogLevel, string>> = {
  DEBUG: "#6b7280",
  INFO: "#2563eb",
  WARNING: "#b45309",
  ERROR: "#dc2626",
  CRITICAL: "#7e22ce",
};

/** A stable colour for a service name (same name, same colour on every page load). */
export function serviceColor(service: string): string {
  let hash = 2166136261;
  for (let index = 0; index < service.length; index += 1) {
    hash ^= service.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return `hsl(${(hash >>> 0) % 360} 60% 42%)`;
}

/** Line colours of the charts. */
export const CHART_COLORS = {
  value: "#2563eb",
  mean: "#6b7280",
  threshold: "#dc2626",
  above: "#dc2626",
  selection: "rgba(37, 99, 235, 0.12)",
} as const;
