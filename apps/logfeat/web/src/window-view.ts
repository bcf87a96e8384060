import type { FeatureName } from "@logfeat/schema";
import type {
  LogEntryJson,
  RunSummaryJson,
  WindowResponseJson,
} from "../../src/serve/api-types.js";
import { LEVEL_COLORS, serviceColor } from "./colors.js";
import { element } from "./dom.js";
import { formatCount, formatFeature, instantFormatter, timeOfDay } from "./format.js";
import { baselineLines, isAbove } from "./thresholds.js";

function featureTable(answer: WindowResponseJson, settings: WindowViewSettings): HTMLElement {
  const { run, multiplier } = settings;
  const vector = answer.feature;
  const rows = settings.featureNames.map((feature) => {
    const lines = baselineLines(run, vector.service, feature, multiplier);
    const value = vector[feature];
    const above = isAbove(value, lines);
    return element("tr", { class: above ? "above" : "", attrs: { "data-feature": feature } }, [
      element("th", { text: feature }),
      element("td", { class: "number", text: formatFeature(feature, value) }),
      element("td", { class: "number muted", text: formatFeature(feature, lines?.mean ?? null) }),
      element("td", {
        class: "number muted",
        text: formatFeature(feature, lines?.threshold ?? null),
      }),
      element("td", { text: above ? "above" : "" }),
    ]);
  });
  return element("table", { class: "feature-table" }, [
    element("thead", {}, [
      element("tr", {}, [
        element("th", { text: "feature" }),
        element("th", { class: "number", text: "value" }),
        element("th", { class: "number", text: "baseline mean" }),
        element("th", { class: "number", text: `${multiplier} × mean` }),
        element("th", { text: "" }),
      ]),
    ]),
    element("tbody", {}, rows),
  ]);
}

/** One row of the log table: line, time, level and service colour-coded, message, fields. */
function logRow(entry: LogEntryJson): HTMLTableRowElement {
  const fields = [
    entry.duration_ms === null ? "" : `${entry.duration_ms} ms`,
    entry.error_code ?? "",
    entry.request_id ?? "",
  ].filter((field) => field !== "");
  return element(
    "tr",
    { class: `level-${entry.level.toLowerCase()}`, attrs: { "data-level": entry.level } },
    [
      element("td", { class: "number muted", text: String(entry.line) }),
      element("td", { class: "time", text: timeOfDay(entry.timestamp), title: entry.timestamp }),
      element("td", {}, [
        element("span", {
          class: "level",
          text: entry.level,
          attrs: { style: `--level:${LEVEL_COLORS[entry.level]}` },
        }),
      ]),
      element("td", {}, [
        element("span", {
          class: "service-tag",
          text: entry.service,
          attrs: { style: `--service:${serviceColor(entry.service)}` },
        }),
      ]),
      element("td", { class: "message", text: entry.message }),
      element("td", { class: "fields muted", text: fields.join(" · ") }),
    ],
  );
}

/** What the window panel needs to page through logs. */
export interface WindowViewSettings {
  run: RunSummaryJson;
  multiplier: number;
  /** The feature names, in CSV order. */
  featureNames: readonly FeatureName[];
  /** Loads more logs of the window from `offset`. */
  loadMore: (offset: number) => Promise<WindowResponseJson>;
}

/**
 * The panel of one window: its FeatureVector next to the baseline mean and
 * threshold, and its logs in order (the first page; "load more" fetches the next).
 */
export function renderWindow(
  container: HTMLElement,
  answer: WindowResponseJson,
  settings: WindowViewSettings,
): void {
  const format = instantFormatter(settings.run.options.timeZone);
  const vector = answer.feature;
  const body = element("tbody", {}, answer.logs.map(logRow));
  let shown = answer.logs.length;
  const count = element("span", { class: "muted" });
  const more = element("button", { class: "secondary", text: "Load more" });
  const updateCount = (): void => {
    count.textContent = `showing ${formatCount(shown)} of ${formatCount(answer.total_logs)} logs, in order`;
    more.hidden = shown >= answer.total_logs;
  };
  more.addEventListener("click", () => {
    more.disabled = true;
    settings
      .loadMore(shown)
      .then((page) => {
        body.append(...page.logs.map(logRow));
        shown += page.logs.length;
      })
      .finally(() => {
        more.disabled = false;
        updateCount();
      });
  });
  updateCount();
  container.replaceChildren(
    element("header", { class: "window-header" }, [
      element("h2", {}, [
        element("span", {
          class: "service-tag",
          text: vector.service,
          attrs: { style: `--service:${serviceColor(vector.service)}` },
        }),
        ` ${format(vector.window_start)} – ${format(answer.window_end).slice(11)} (${settings.run.options.timeZone})`,
      ]),
    ]),
    element("div", { class: "window-body" }, [
      element("div", { class: "window-features" }, [featureTable(answer, settings)]),
      element("div", { class: "window-logs" }, [
        element("div", { class: "logs-heading" }, [element("h3", { text: "Logs" }), count]),
        element("div", { class: "log-scroll" }, [
          element("table", { class: "log-table", attrs: { id: "window-logs" } }, [
            element("thead", {}, [
              element("tr", {}, [
                element("th", { class: "number", text: "line" }),
                element("th", { text: "time (UTC)" }),
                element("th", { text: "level" }),
                element("th", { text: "service" }),
                element("th", { text: "message" }),
                element("th", { text: "duration · code · request" }),
              ]),
            ]),
            body,
          ]),
        ]),
        more,
      ]),
    ]),
  );
}
