import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REAL_DATA_DIR } from "@logfeat/test-support";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunResponseJson } from "../src/serve/api-types.js";
import { APP_DIR, NOW } from "./cli-harness.js";
import { type ServeProcess, startServe } from "./serve/serve-process.js";

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). */
const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIP_MESSAGE = `logfeat serve browser test SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`;
if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const SAMPLE = join(APP_DIR, "samples", "checkout-service.log");
const HADOOP = REAL_DATA_DIR === null ? null : join(REAL_DATA_DIR, "loghub/Hadoop/Hadoop_2k.log");
/** Where the test leaves its screenshots (gitignored). */
const OUTPUT_DIR = join(APP_DIR, "test-output", "serve");
/** With LOGFEAT_UPDATE_SCREENSHOT=1 the page screenshot also replaces the README's docs/serve.png. */
const README_SCREENSHOT = join(APP_DIR, "docs", "serve.png");

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? "logfeat serve in Chromium" : SKIP_MESSAGE, () => {
  let server: ServeProcess;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  /** Uncaught errors of the page's scripts; none are expected. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), "logfeat-chromium-"));
    [server, context] = await Promise.all([
      startServe([SAMPLE, "--now", NOW, "--quiet"]),
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1440, height: 1000 },
        deviceScaleFactor: 1,
        timezoneId: "UTC",
      }),
    ]);
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => {
      pageErrors.push(error.message);
    });
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it("charts every service with its data points and baseline lines, offline", async () => {
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url)) outside.push(request.url());
    });
    await page.goto(server.url);
    await page.waitForSelector("body[data-state=ready]");
    const response = (await (
      await page.request.get(`${server.url}api/run`)
    ).json()) as RunResponseJson;
    const run = response.run!;
    expect(run.services.length).toBeGreaterThan(1);
    for (const service of run.services) {
      const windows = run.features.filter((vector) => vector.service === service).length;
      const charts = page.locator(`.chart[data-service="${service}"]`);
      expect(await charts.count()).toBe(4);
      expect(await charts.locator("canvas").count()).toBe(4);
      const totalEvents = page.locator(
        `.chart[data-service="${service}"][data-feature="total_events"]`,
      );
      expect(await totalEvents.getAttribute("data-points")).toBe(String(windows));
    }
    const errorRate = page.locator(
      '.chart[data-service="payment-service"][data-feature="error_rate"]',
    );
    expect(Number(await errorRate.getAttribute("data-above"))).toBeGreaterThan(0);
    await expect.poll(() => page.locator("#ledger").textContent()).toContain("no_layout_match");
    expect(outside).toEqual([]);
  });

  it("clicking the first window above baseline shows its FeatureVector and raw logs in order", async () => {
    const first = page.locator("#above-list tbody tr").first();
    const service = await first.getAttribute("data-service");
    const start = await first.getAttribute("data-start");
    await first.click();
    const rows = page.locator("#window-logs tbody tr");
    await rows.first().waitFor();
    const answer = (await (
      await page.request.get(`${server.url}api/window?service=${service}&start=${start}&limit=1`)
    ).json()) as { total_logs: number };
    expect(answer.total_logs).toBeGreaterThan(0);
    expect(await rows.count()).toBe(Math.min(answer.total_logs, 2000));
    const services = await rows.evaluateAll((elements) =>
      elements.map((row) => row.querySelector(".service-tag")?.textContent),
    );
    expect(new Set(services)).toEqual(new Set([service]));
    const times = await page
      .locator("#window-logs tbody td.time")
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title") ?? ""));
    expect([...times].sort()).toEqual(times);
    expect(await page.locator(".feature-card.above").count()).toBeGreaterThan(0);
  });

  it("the payment-service spike at 10:35 shows its errors colour-coded (README screenshot)", async () => {
    await page
      .locator(
        '#above-list tr[data-service="payment-service"][data-start="2025-02-07T10:35:00.000Z"]',
      )
      .click();
    await page.waitForSelector('.window-header:has-text("10:35:00")');
    const errorBadgeColour = await page.evaluate(
      "getComputedStyle(document.querySelector('#window-logs tr[data-level=ERROR] .level')).backgroundColor",
    );
    expect(errorBadgeColour).toBe("rgb(220, 38, 38)");
    expect(
      await page.locator('.feature-card[data-feature="error_rate"]').getAttribute("class"),
    ).toBe("feature-card above");
    await page.evaluate("window.scrollTo(0, 0)");
    const screenshot = join(OUTPUT_DIR, "page.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    if (process.env["LOGFEAT_UPDATE_SCREENSHOT"] === "1")
      copyFileSync(screenshot, README_SCREENSHOT);
    expect(existsSync(screenshot)).toBe(true);
  });

  it("raising the multiplier lowers the number of flagged windows", async () => {
    const before = await page.locator("#above-list tbody tr").count();
    await page.fill("#multiplier", "4");
    await expect.poll(() => page.locator("#above-list tbody tr").count()).toBeLessThan(before);
    await page.fill("#multiplier", "2");
  });

  it.skipIf(HADOOP === null)(
    "uploads a loghub sample from the file picker with a layout and charts it",
    async () => {
      await page.fill("#option-layout", "loghub:Hadoop");
      await page.setInputFiles("#file-input", HADOOP!);
      await page.waitForSelector('body[data-run-id="2"][data-busy="false"]');
      const response = (await (
        await page.request.get(`${server.url}api/run`)
      ).json()) as RunResponseJson;
      const run = response.run!;
      expect(run.source.name).toBe("Hadoop_2k.log");
      expect(run.options.layout).toBe("loghub:Hadoop");
      expect(run.ledger.entries).toBeGreaterThan(1900);
      expect(await page.locator("#run-title").textContent()).toContain("Hadoop_2k.log");
      const points = await page
        .locator('.chart[data-feature="total_events"]')
        .evaluateAll((charts) => charts.map((chart) => Number(chart.getAttribute("data-points"))));
      expect(points).toHaveLength(run.services.length);
      expect(points.every((count) => count > 0)).toBe(true);
      await page.screenshot({ path: join(OUTPUT_DIR, "hadoop.png") });
    },
  );

  it("a bad option is shown as the server's message and the run stays", async () => {
    await page.fill("#option-time-zone", "Mars/Olympus_Mons");
    await page.click("#rerun");
    await page.waitForSelector("#error:not([hidden])");
    expect(await page.locator("#error").textContent()).toContain("timeZone");
    expect(await page.locator(".chart").count()).toBeGreaterThan(0);
  });
});
