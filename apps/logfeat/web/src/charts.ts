import type { FeatureName, FeatureVectorJson } from "@logfeat/schema";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { RunSummaryJson } from "../../src/serve/api-types.js";
import { CHART_COLORS, serviceColor } from "./colors.js";
import { element } from "./dom.js";
import { formatAxisValue, formatFeature, instantFormatter } from "./format.js";
import { baselineLines, isAbove } from "./thresholds.js";

/** The window the user picked: service and ISO window_start. */
export interface Selection {
  service: string;
  start: string;
}

/** What the charts show and whom they tell about clicks. */
export interface ChartSettings {
  run: RunSummaryJson;
  features: readonly FeatureName[];
  multiplier: number;
  /** The selected window (read at every redraw). */
  selection: () => Selection | null;
  onSelect: (selection: Selection) => void;
}

const CHART_HEIGHT = 170;

/** Charts currently on the page, resized with their container. */
let charts: uPlot[] = [];
let resizeObserver: ResizeObserver | null = null;

function chartWidth(container: HTMLElement): number {
  return Math.max(240, Math.floor(container.clientWidth));
}

function axisValue(feature: FeatureName): (self: uPlot, values: number[]) => string[] {
  return (_self, values) => values.map((value) => formatAxisValue(feature, value));
}

/** Tick labels of the time axis in the run's time zone: `10:35`, with the date when the range spans days. */
function timeAxisValue(timeZone: string): (self: uPlot, values: number[]) => string[] {
  const format = instantFormatter(timeZone);
  return (self, values) => {
    const range = (self.scales["x"]?.max ?? 0) - (self.scales["x"]?.min ?? 0);
    return values.map((seconds) => {
      const text = format(new Date(seconds * 1000).toISOString());
      return range > 2 * 86_400 ? text.slice(5, 16) : text.slice(11, 16);
    });
  };
}

function createChart(
  container: HTMLElement,
  settings: ChartSettings,
  service: string,
  vectors: readonly FeatureVectorJson[],
  feature: FeatureName,
): uPlot {
  const lines = baselineLines(settings.run, service, feature, settings.multiplier);
  const xs = vectors.map((vector) => Date.parse(vector.window_start) / 1000);
  const values = vectors.map((vector) => vector[feature]);
  const above = values.map((value) => (isAbove(value, lines) ? value : null));
  const constant = (value: number | undefined): (number | null)[] =>
    xs.map(() => (value === undefined ? null : value));
  const windowSeconds = settings.run.options.windowSize;
  const timeZone = settings.run.options.timeZone;
  const options: uPlot.Options = {
    width: chartWidth(container),
    height: CHART_HEIGHT,
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), timeZone),
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: {
      x: { time: true },
      y: { range: (_self, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      {
        stroke: "#4b5563",
        grid: { stroke: "#eef0f3" },
        ticks: { stroke: "#e5e7eb" },
        values: timeAxisValue(timeZone),
      },
      {
        stroke: "#4b5563",
        size: 58,
        grid: { stroke: "#eef0f3" },
        ticks: { stroke: "#e5e7eb" },
        values: axisValue(feature),
      },
    ],
    series: [
      {},
      {
        label: feature,
        stroke: CHART_COLORS.value,
        width: 1.5,
        points: { show: true, size: 4, fill: CHART_COLORS.value },
        spanGaps: false,
      },
      { label: "mean", stroke: CHART_COLORS.mean, width: 1, dash: [4, 4], points: { show: false } },
      {
        label: `${settings.multiplier} × mean`,
        stroke: CHART_COLORS.threshold,
        width: 1,
        dash: [6, 3],
        points: { show: false },
      },
      {
        label: "above",
        stroke: CHART_COLORS.above,
        paths: () => null,
        points: { show: true, size: 9, width: 2, stroke: CHART_COLORS.above, fill: "#fff" },
      },
    ],
    hooks: {
      drawClear: [
        (chart) => {
          const selection = settings.selection();
          if (selection === null || selection.service !== service) return;
          const start = Date.parse(selection.start) / 1000;
          const left = chart.valToPos(start, "x", true);
          const right = chart.valToPos(start + windowSeconds, "x", true);
          const { top, height } = chart.bbox;
          chart.ctx.save();
          chart.ctx.fillStyle = CHART_COLORS.selection;
          chart.ctx.fillRect(left, top, Math.max(2, right - left), height);
          chart.ctx.restore();
        },
      ],
      ready: [
        (chart) => {
          chart.over.addEventListener("click", () => {
            const index = chart.cursor.idx;
            const vector = index === null || index === undefined ? undefined : vectors[index];
            if (vector !== undefined) settings.onSelect({ service, start: vector.window_start });
          });
        },
      ],
    },
  };
  const data: uPlot.AlignedData = [
    xs,
    values,
    constant(lines?.mean),
    constant(lines?.threshold),
    above,
  ];
  return new uPlot(options, data, container);
}

function chartCard(
  settings: ChartSettings,
  service: string,
  vectors: readonly FeatureVectorJson[],
  feature: FeatureName,
): { card: HTMLElement; mount: () => uPlot } {
  const lines = baselineLines(settings.run, service, feature, settings.multiplier);
  const points = vectors.filter((vector) => vector[feature] !== null).length;
  const aboveCount = vectors.filter((vector) => isAbove(vector[feature], lines)).length;
  const plot = element("div", { class: "plot" });
  const legend = element("div", { class: "chart-legend" }, [
    element("span", {
      class: "legend-mean",
      text: `mean ${formatFeature(feature, lines?.mean ?? null)}`,
    }),
    element("span", {
      class: "legend-threshold",
      text: `${settings.multiplier} × mean ${formatFeature(feature, lines?.threshold ?? null)}`,
    }),
    element("span", {
      class: aboveCount > 0 ? "legend-above has-above" : "legend-above",
      text: `${aboveCount} above`,
    }),
  ]);
  const card = element(
    "figure",
    {
      class: "chart",
      attrs: {
        "data-service": service,
        "data-feature": feature,
        "data-points": String(points),
        "data-above": String(aboveCount),
      },
    },
    [element("figcaption", {}, [element("strong", { text: feature }), legend]), plot],
  );
  return { card, mount: () => createChart(plot, settings, service, vectors, feature) };
}

/**
 * Draws, per service, one chart per feature: the values over time with
 * points, the baseline mean (dashed grey), `multiplier * mean` (dashed red)
 * and the windows above it (red rings). Each chart carries `data-points`
 * (non-null values) and `data-above`; clicking a chart picks the nearest window.
 */
export function renderCharts(container: HTMLElement, settings: ChartSettings): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  resizeObserver?.disconnect();
  container.replaceChildren();
  const byService = new Map<string, FeatureVectorJson[]>();
  for (const vector of settings.run.features) {
    const list = byService.get(vector.service) ?? [];
    list.push(vector);
    byService.set(vector.service, list);
  }
  if (settings.run.services.length === 0)
    container.append(
      element("p", {
        class: "card muted",
        text: "No windows: no record of this file made it through parsing and normalization (see the ledger; try another format or layout).",
      }),
    );
  const mounts: (() => uPlot)[] = [];
  for (const service of settings.run.services) {
    const vectors = byService.get(service) ?? [];
    const grid = element("div", { class: "chart-grid" });
    for (const feature of settings.features) {
      const { card, mount } = chartCard(settings, service, vectors, feature);
      grid.append(card);
      mounts.push(mount);
    }
    container.append(
      element("section", { class: "service", attrs: { "data-service": service } }, [
        element("h3", {}, [
          element("span", {
            class: "service-dot",
            attrs: { style: `background:${serviceColor(service)}` },
          }),
          service,
          element("small", { text: `${vectors.length} windows` }),
        ]),
        grid,
      ]),
    );
  }
  charts = mounts.map((mount) => mount());
  resizeObserver = new ResizeObserver(() => {
    for (const chart of charts) {
      const parent = chart.root.parentElement;
      if (parent !== null) chart.setSize({ width: chartWidth(parent), height: CHART_HEIGHT });
    }
  });
  for (const chart of charts)
    if (chart.root.parentElement !== null) resizeObserver.observe(chart.root.parentElement);
}

/** Redraws the charts (e.g. after the selection changed), without rebuilding them. */
export function redrawCharts(): void {
  for (const chart of charts) chart.redraw(false);
}
