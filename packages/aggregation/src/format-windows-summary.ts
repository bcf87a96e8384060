import { type AggregatedLogWindow, formatInstant } from "@logfeat/schema";
import { countWindowEvents, getServicesInWindows, getTimeRange } from "./window-helpers.js";

/**
 * A human-readable overview of some windows: number of windows and their
 * size, services, time range (ISO 8601 UTC, end exclusive), then a table with
 * windows and events per service and a total line. Lines end with `\n`
 * except the last. For display only; the layout may change.
 */
export function formatWindowsSummary(windows: Iterable<AggregatedLogWindow>): string {
  const list = [...windows];
  const sizes = [...new Set(list.map((window) => window.window_size_seconds))].sort(
    (a, b) => a - b,
  );
  const services = getServicesInWindows(list);
  const range = getTimeRange(list);
  const perService = new Map<string, { windows: number; events: number }>();
  for (const service of services) perService.set(service, { windows: 0, events: 0 });
  let totalEvents = 0;
  for (const window of list) {
    const row = perService.get(window.service) as { windows: number; events: number };
    const events = countWindowEvents(window);
    row.windows += 1;
    row.events += events;
    totalEvents += events;
  }
  const sizeText =
    sizes.length === 0
      ? ""
      : sizes.length === 1
        ? ` (${sizes[0]} s each)`
        : ` (sizes ${sizes.map((size) => `${size} s`).join(", ")})`;
  const rows: [string, string, string][] = [["Service", "Windows", "Events"]];
  for (const [service, row] of perService)
    rows.push([service, String(row.windows), String(row.events)]);
  rows.push(["Total", String(list.length), String(totalEvents)]);
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => (row[column] as string).length)),
  ) as [number, number, number];
  const lines = [
    `Windows:    ${list.length}${sizeText}`,
    `Services:   ${services.length}`,
    `Time range: ${range === null ? "none" : `${formatInstant(range.start)} .. ${formatInstant(range.end)}`}`,
    ...rows.map(
      ([service, count, events]) =>
        `${service.padEnd(widths[0])}  ${count.padStart(widths[1])}  ${events.padStart(widths[2])}`,
    ),
  ];
  return lines.join("\n");
}

/**
 * Prints `formatWindowsSummary(windows)` with `write` (default `console.log`).
 * The only function of this package that prints.
 */
export function printWindowsSummary(
  windows: Iterable<AggregatedLogWindow>,
  write: (text: string) => void = console.log,
): void {
  write(formatWindowsSummary(windows));
}
