import type { FeatureName } from "@logfeat/schema";
import type {
  LogEntryJson,
  RunSummaryJson,
  WindowResponseJson,
} from "../../src/serve/api-types.js";
import { LEVEL_COLORS, serviceColor } from "./colors.js";
import { element } from "./dom.js";
import { formatCount, formatFeature, instantFormatter, timeFormatter } from "./format.js";
import { baselineLines, isAbove } from "./thresholds.js";

/**
 * The FeatureVector as one card per feature: the value, the service's
 * baseline mean and `multiplier * mean`; cards above the threshold in red.
 */
function featureCards(answer: WindowResponseJson, settings: WindowViewSettings): HTMLElement {
  const { run, multiplier } = settings;
  const vector = answer.feature;
  const cards = settings.featureNames.map((feature) => {
    const lines = baselineLines(run, vector.service, feature, multiplier);
    const value = vector[feature];
    const above = isAbove(value, lines);
    return element(
      "div",
      { class: above ? "feature-card above" : "feature-card", attrs: { "data-feature": feature } },
      [
        element("div", { class: "feature-name", text: feature }),
        element("div", { class: "feature-value", text: formatFeature(feature, value) }),
        element("div", {
          class: "feature-baseline",
          text:
            lines === null
              ? "no baseline"
              : `mean ${formatFeature(feature, lines.mean)} · ${multiplier}× ${formatFeature(feature, lines.threshold)}`,
        }),
      ],
    );
  });
  return element("div", { class: "feature-cards" }, cards);
}

/** One row of the log table: line, time, level and service colour-coded, message, fields. */
function logRow(entry: LogEntryJson, time: (iso: string) => string): HTMLTableRowElement {
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
      element("td", { class: "time", text: time(entry.timestamp), title: entry.timestamp }),
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
      element("td", { class: "message" }, [
        entry.message,
        ...(fields.length === 0
          ? []
          : [element("span", { class: "fields muted", text: fields.join(" · ") })]),
      ]),
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
  const time = timeFormatter(settings.run.options.timeZone);
  const row = (entry: LogEntryJson): HTMLTableRowElement => logRow(entry, time);
  const body = element("tbody", {}, answer.logs.map(row));
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
        body.append(...page.logs.map(row));
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
      featureCards(answer, settings),
      element("div", { class: "window-logs" }, [
        element("div", { class: "logs-heading" }, [element("h3", { text: "Logs" }), count]),
        element("div", { class: "log-scroll" }, [
          element("table", { class: "log-table", attrs: { id: "window-logs" } }, [
            element("thead", {}, [
              element("tr", {}, [
                element("th", { class: "number", text: "line" }),
                element("th", { text: "time" }),
                element("th", { text: "level" }),
                element("th", { text: "service" }),
                element("th", { text: "message (duration · error code · request id)" }),
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
