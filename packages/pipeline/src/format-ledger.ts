import type { Ledger } from "@logfeat/schema";
import type { LedgerDetails } from "./ledger.js";

/** How many skip/note codes `formatLedger` lists. */
const TOP_CODES = 8;

function percent(part: number, whole: number): string {
  return whole === 0 ? "" : ` (${((part / whole) * 100).toFixed(part === 0 ? 0 : 2)}%)`;
}

function examples(details: LedgerDetails, code: string): string {
  const list = details.examples_by_code[code] ?? [];
  if (list.length === 0) return "";
  const places = list.map((example) =>
    example.line === null ? example.source : `${example.source}:${example.line}`,
  );
  return ` e.g. ${places.join(", ")}`;
}

function topCodes(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts)
    .sort(([codeA, a], [codeB, b]) => b - a || (codeA < codeB ? -1 : 1))
    .slice(0, TOP_CODES);
}

/**
 * The ledger as the text the app prints on stderr after a run: the counts of
 * SPEC section 7, the top skip reasons with example lines, the notes
 * (defaults applied, fields dropped), and the reference time used.
 */
export function formatLedger(ledger: Ledger, details: LedgerDetails): string {
  const width = String(ledger.records_in).length;
  const row = (label: string, value: number, extra = ""): string =>
    `  ${label.padEnd(18)}${String(value).padStart(width)}${extra}`;
  const lines = [
    "ledger:",
    row("records in", ledger.records_in),
    row("parsed", ledger.parsed),
    row("parse skipped", ledger.parse_skipped, percent(ledger.parse_skipped, ledger.records_in)),
    row("entries", ledger.entries),
    row(
      "normalize skipped",
      ledger.normalize_skipped,
      percent(ledger.normalize_skipped, ledger.parsed),
    ),
    row("windows", ledger.windows),
    row("features", ledger.features),
  ];
  const skips = topCodes(ledger.skipped_by_code);
  if (skips.length > 0) {
    lines.push("skipped by reason:");
    for (const [code, count] of skips)
      lines.push(`  ${code.padEnd(26)}${String(count).padStart(width)}${examples(details, code)}`);
  }
  const notes = topCodes(details.noted_by_code);
  if (notes.length > 0) {
    lines.push("kept with notes:");
    for (const [code, count] of notes)
      lines.push(`  ${code.padEnd(26)}${String(count).padStart(width)}${examples(details, code)}`);
  }
  const defaultService =
    details.default_service === null ? "" : `; default service "${details.default_service}"`;
  lines.push(
    `reference time ${ledger.reference_time} (${details.reference_time_source})${defaultService}; ${Math.round(ledger.elapsed_ms)} ms`,
  );
  return lines.join("\n");
}
