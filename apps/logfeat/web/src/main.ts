import type { FeatureName } from "@logfeat/schema";
import {
  INPUT_FORMATS,
  type RunOptionsJson,
  type RunResponseJson,
  type WindowResponseJson,
} from "../../src/serve/api-types.js";
import { fetchRun, fetchStatus, fetchWindow, rerun, uploadFile } from "./api.js";
import { redrawCharts, renderCharts, type Selection } from "./charts.js";
import { serviceColor } from "./colors.js";
import { byId, element } from "./dom.js";
import { formatBytes, formatCount, formatFeature, instantFormatter } from "./format.js";
import { renderLedger } from "./ledger-view.js";
import { windowsAboveBaseline } from "./thresholds.js";
import { renderWindow } from "./window-view.js";
import "./styles.css";

/** Features charted when the page opens. */
const DEFAULT_FEATURES: readonly FeatureName[] = [
  "error_rate",
  "warning_rate",
  "total_events",
  "p95_duration_ms",
];
/** Most rows of the "windows above baseline" list. */
const MAX_FLAGGED_ROWS = 500;

const state: {
  response: RunResponseJson | null;
  multiplier: number;
  features: FeatureName[];
  selection: Selection | null;
  window: WindowResponseJson | null;
  busy: boolean;
} = {
  response: null,
  multiplier: 2,
  features: [...DEFAULT_FEATURES],
  selection: null,
  window: null,
  busy: false,
};

const form = byId<HTMLFormElement>("options-form");
const formatSelect = byId<HTMLSelectElement>("option-format");
const layoutInput = byId<HTMLInputElement>("option-layout");
const windowSizeInput = byId<HTMLInputElement>("option-window-size");
const timeZoneInput = byId<HTMLInputElement>("option-time-zone");
const fileInput = byId<HTMLInputElement>("file-input");
const dropZone = byId<HTMLLabelElement>("drop-zone");
const multiplierInput = byId<HTMLInputElement>("multiplier");
const errorBox = byId<HTMLParagraphElement>("error");

function showError(message: string | null): void {
  errorBox.hidden = message === null;
  errorBox.textContent = message ?? "";
}

function showProgress(fraction: number | null, text: string | null): void {
  const box = byId<HTMLDivElement>("progress");
  box.hidden = text === null;
  byId<HTMLSpanElement>("progress-text").textContent = text ?? "";
  const fill = byId<HTMLDivElement>("progress-fill");
  fill.classList.toggle("indeterminate", fraction === null);
  fill.style.width = fraction === null ? "100%" : `${Math.round(fraction * 100)}%`;
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  document.body.dataset["busy"] = String(busy);
  for (const control of form.querySelectorAll<
    HTMLInputElement | HTMLButtonElement | HTMLSelectElement
  >("input, select, button"))
    control.disabled = busy;
  fileInput.disabled = busy;
}

function formOptions(): RunOptionsJson {
  return {
    format: formatSelect.value as RunOptionsJson["format"],
    layout: layoutInput.value.trim() || "auto",
    windowSize: Number(windowSizeInput.value),
    timeZone: timeZoneInput.value.trim() || "UTC",
  };
}

function fillForm(response: RunResponseJson): void {
  formatSelect.value = response.options.format;
  layoutInput.value = response.options.layout;
  windowSizeInput.value = String(response.options.windowSize);
  timeZoneInput.value = response.options.timeZone;
  byId<HTMLDataListElement>("layout-names").replaceChildren(
    ...response.layouts.map((layout) =>
      element("option", { attrs: { value: layout.name }, text: layout.description }),
    ),
  );
  byId<HTMLElement>("upload-limit").textContent =
    `up to ${formatBytes(response.limits.max_upload_bytes)}`;
  byId<HTMLButtonElement>("rerun").hidden = response.run === null;
}

function renderHeader(response: RunResponseJson, flagged: number): void {
  const run = response.run;
  byId<HTMLDivElement>("run-title").textContent =
    run === null ? "no input yet" : `${run.source.name} · ${formatBytes(run.source.bytes)}`;
  const chips =
    run === null
      ? []
      : [
          `${run.services.length} service${run.services.length === 1 ? "" : "s"}`,
          `${formatCount(run.features.length)} windows of ${run.options.windowSize} s`,
          `${formatCount(flagged)} above baseline`,
        ];
  byId<HTMLDivElement>("run-chips").replaceChildren(
    ...chips.map((text, index) =>
      element("span", { class: index === 2 && flagged > 0 ? "chip alert" : "chip", text }),
    ),
  );
}

function renderFlagged(): number {
  const run = state.response?.run;
  const container = byId<HTMLDivElement>("above-list");
  if (run === null || run === undefined) return 0;
  const flagged = windowsAboveBaseline(run, state.features, state.multiplier);
  const format = instantFormatter(run.options.timeZone);
  if (flagged.length === 0) {
    container.replaceChildren(
      element("p", { class: "muted", text: "None: every window is at or below its threshold." }),
    );
    return 0;
  }
  const rows = flagged.slice(0, MAX_FLAGGED_ROWS).map(({ vector, features }) => {
    const selected =
      state.selection?.service === vector.service && state.selection.start === vector.window_start;
    const row = element(
      "tr",
      {
        class: selected ? "selected" : "",
        attrs: { "data-service": vector.service, "data-start": vector.window_start, tabindex: "0" },
      },
      [
        element("td", {
          class: "time",
          text: format(vector.window_start).slice(5, run.options.windowSize % 60 === 0 ? 16 : 19),
          title: vector.window_start,
        }),
        element("td", {}, [
          element("span", {
            class: "service-tag",
            text: vector.service,
            attrs: { style: `--service:${serviceColor(vector.service)}` },
          }),
        ]),
        element(
          "td",
          {},
          features.map((feature) =>
            element("span", {
              class: "flag",
              text: `${feature} ${formatFeature(feature, vector[feature])}`,
            }),
          ),
        ),
      ],
    );
    const pick = (): void => select({ service: vector.service, start: vector.window_start });
    row.addEventListener("click", pick);
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter") pick();
    });
    return row;
  });
  const more =
    flagged.length > MAX_FLAGGED_ROWS
      ? [element("p", { class: "muted", text: `and ${flagged.length - MAX_FLAGGED_ROWS} more` })]
      : [];
  container.replaceChildren(
    element("table", { class: "above-table" }, [
      element("thead", {}, [
        element("tr", {}, [
          element("th", { text: "window start" }),
          element("th", { text: "service" }),
          element("th", { text: "above" }),
        ]),
      ]),
      element("tbody", {}, rows),
    ]),
    ...more,
  );
  return flagged.length;
}

function renderFeaturePicker(featureNames: readonly FeatureName[]): void {
  const picker = byId<HTMLFieldSetElement>("feature-picker");
  const boxes = featureNames.map((feature) => {
    const box = element("input", { attrs: { type: "checkbox", value: feature } });
    box.checked = state.features.includes(feature);
    box.addEventListener("change", () => {
      state.features = featureNames.filter((name) =>
        name === feature ? box.checked : state.features.includes(name),
      );
      renderRun();
    });
    return element("label", { class: "feature-option" }, [box, feature]);
  });
  picker.replaceChildren(element("legend", { text: "Features" }), ...boxes);
}

function renderWindowPanel(): void {
  const run = state.response?.run;
  const panel = byId<HTMLElement>("window");
  if (run === null || run === undefined || state.window === null || state.selection === null) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const selection = state.selection;
  panel.hidden = false;
  renderWindow(panel, state.window, {
    run,
    multiplier: state.multiplier,
    featureNames: state.response?.feature_names ?? [],
    loadMore: (offset) => fetchWindow(selection.service, selection.start, offset),
  });
}

function renderRun(): void {
  const response = state.response;
  if (response === null) return;
  const run = response.run;
  byId<HTMLElement>("content").hidden = run === null;
  byId<HTMLElement>("empty").hidden = run !== null;
  const flagged = renderFlagged();
  renderHeader(response, flagged);
  if (run === null) return;
  renderLedger(byId<HTMLDivElement>("ledger"), run);
  renderCharts(byId<HTMLDivElement>("charts"), {
    run,
    features: state.features,
    multiplier: state.multiplier,
    selection: () => state.selection,
    onSelect: select,
  });
  renderWindowPanel();
}

function select(selection: Selection): void {
  state.selection = selection;
  redrawCharts();
  renderFlagged();
  fetchWindow(selection.service, selection.start, 0)
    .then((answer) => {
      state.window = answer;
      renderWindowPanel();
      byId<HTMLElement>("window").scrollIntoView({ behavior: "smooth", block: "start" });
      showError(null);
    })
    .catch((error: unknown) => showError((error as Error).message));
}

function apply(response: RunResponseJson): void {
  const sameRun = state.response?.run?.id === response.run?.id;
  state.response = response;
  if (!sameRun) {
    state.selection = null;
    state.window = null;
  }
  fillForm(response);
  renderFeaturePicker(response.feature_names);
  renderRun();
  document.body.dataset["state"] = "ready";
  document.body.dataset["runId"] = String(response.run?.id ?? "");
}

/** Shows the server's progress while it runs the pipeline (polls /api/status). */
function watchRun(): () => void {
  const timer = window.setInterval(() => {
    fetchStatus()
      .then((status) => {
        const running = status.running;
        if (running === null) return;
        const fraction =
          running.total_bytes === null || running.total_bytes === 0
            ? null
            : running.bytes_read / running.total_bytes;
        showProgress(
          fraction,
          `Processing ${running.source}: ${formatBytes(running.bytes_read)}${running.total_bytes === null ? "" : ` of ${formatBytes(running.total_bytes)}`} · ${formatCount(running.records)} records`,
        );
      })
      .catch(() => undefined);
  }, 300);
  return () => window.clearInterval(timer);
}

async function runWith(task: () => Promise<RunResponseJson>): Promise<void> {
  if (state.busy) return;
  setBusy(true);
  showError(null);
  try {
    apply(await task());
  } catch (error) {
    showError((error as Error).message);
  } finally {
    showProgress(null, null);
    setBusy(false);
  }
}

function upload(file: File): void {
  const limit = state.response?.limits.max_upload_bytes;
  if (limit !== undefined && file.size > limit) {
    showError(
      `${file.name} is ${formatBytes(file.size)}: the server accepts up to ${formatBytes(limit)} (serve --max-upload-mb).`,
    );
    return;
  }
  let stopWatching = (): void => undefined;
  void runWith(() =>
    uploadFile(
      file,
      formOptions(),
      (progress) =>
        showProgress(
          progress.total === 0 ? null : progress.sent / progress.total,
          `Uploading ${file.name}: ${formatBytes(progress.sent)} of ${formatBytes(progress.total)}`,
        ),
      () => {
        showProgress(null, `Processing ${file.name}…`);
        stopWatching = watchRun();
      },
    ).finally(() => stopWatching()),
  );
}

function wireControls(): void {
  formatSelect.replaceChildren(
    ...INPUT_FORMATS.map((format) => element("option", { attrs: { value: format }, text: format })),
  );
  try {
    byId<HTMLDataListElement>("time-zones").replaceChildren(
      ...Intl.supportedValuesOf("timeZone").map((zone) =>
        element("option", { attrs: { value: zone } }),
      ),
    );
  } catch {
    // An old browser without Intl.supportedValuesOf: free text only.
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void runWith(() => {
      const stop = watchRun();
      return rerun(formOptions()).finally(stop);
    });
  });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file !== undefined) upload(file);
  });
  for (const type of ["dragenter", "dragover"] as const)
    document.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add("dragging");
    });
  for (const type of ["dragleave", "drop"] as const)
    document.addEventListener(type, (event) => {
      event.preventDefault();
      if (type === "dragleave" && event.relatedTarget !== null) return;
      dropZone.classList.remove("dragging");
    });
  document.addEventListener("drop", (event) => {
    const file = event.dataTransfer?.files[0];
    if (file !== undefined && !state.busy) upload(file);
  });
  multiplierInput.addEventListener("input", () => {
    const value = Number(multiplierInput.value);
    if (multiplierInput.value.trim() === "" || !Number.isFinite(value) || value < 0) return;
    state.multiplier = value;
    renderRun();
  });
}

wireControls();
fetchRun()
  .then(apply)
  .catch((error: unknown) => {
    document.body.dataset["state"] = "error";
    showError(`cannot reach the server: ${(error as Error).message}`);
  });
