import type { RunSummaryJson } from "../../src/serve/api-types.js";
import { element } from "./dom.js";
import { formatBytes, formatCount } from "./format.js";

function percent(part: number, whole: number): string {
  return whole === 0 ? "" : ` (${((part / whole) * 100).toFixed(part === 0 ? 0 : 2)}%)`;
}

function countRow(label: string, value: number, extra = "", warn = false): HTMLTableRowElement {
  return element("tr", { class: warn && value > 0 ? "warn" : "" }, [
    element("th", { text: label }),
    element("td", { class: "number", text: `${formatCount(value)}${extra}` }),
  ]);
}

function codeList(
  title: string,
  counts: Record<string, number>,
  run: RunSummaryJson,
  className: string,
): HTMLElement[] {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return [];
  const items = entries.map(([code, count]) => {
    const examples = run.details.examples_by_code[code] ?? [];
    return element("li", { attrs: { "data-code": code } }, [
      element("div", { class: "code-line" }, [
        element("code", { text: code }),
        element("span", { class: "number", text: formatCount(count) }),
      ]),
      ...(examples.length === 0
        ? []
        : [
            element(
              "ul",
              { class: "examples" },
              examples.map((example) =>
                element("li", {}, [
                  element("span", {
                    class: "where",
                    text: example.line === null ? example.source : `line ${example.line}`,
                  }),
                  example.value === undefined
                    ? ""
                    : element("code", {
                        class: "example-value",
                        text: example.value,
                        title: example.value,
                      }),
                ]),
              ),
            ),
          ]),
    ]);
  });
  return [element("h3", { text: title }), element("ul", { class: `codes ${className}` }, items)];
}

/**
 * The ledger of the run: the counts of SPEC section 7 (records in, parsed,
 * skipped, entries, windows, features), the skip reasons with example lines,
 * the notes (defaults applied), and the reference time.
 */
export function renderLedger(container: HTMLElement, run: RunSummaryJson): void {
  const { ledger, details } = run;
  const table = element("table", { class: "ledger-table" }, [
    element("tbody", {}, [
      countRow("records in", ledger.records_in),
      countRow("parsed", ledger.parsed),
      countRow(
        "parse skipped",
        ledger.parse_skipped,
        percent(ledger.parse_skipped, ledger.records_in),
        true,
      ),
      countRow("entries", ledger.entries),
      countRow(
        "normalize skipped",
        ledger.normalize_skipped,
        percent(ledger.normalize_skipped, ledger.parsed),
        true,
      ),
      countRow("late entries", details.aggregation_skipped, "", true),
      countRow("windows", ledger.windows),
      countRow("features", ledger.features),
    ]),
  ]);
  container.replaceChildren(
    table,
    ...codeList("Skipped by reason", ledger.skipped_by_code, run, "skipped"),
    ...codeList("Kept with notes", details.noted_by_code, run, "noted"),
    element("p", {
      class: "muted",
      text: `${formatBytes(run.source.bytes)} read in ${Math.round(ledger.elapsed_ms)} ms · reference time ${ledger.reference_time} (${details.reference_time_source})${details.default_service === null ? "" : ` · default service "${details.default_service}"`}`,
    }),
  );
}
