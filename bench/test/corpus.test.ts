import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CORPUS_FORMATS, type CorpusFormat, CSV_HEADER } from "../src/corpus-formats.js";
import { type CorpusRecord, generateRecords } from "../src/corpus-model.js";
import { type CorpusStats, renderCorpus } from "../src/corpus-writer.js";
import { SeededRandom } from "../src/random.js";

function render(
  records: number,
  seed: number,
): { text: Record<CorpusFormat, string>; stats: CorpusStats } {
  const text: Record<CorpusFormat, string> = { text: "", json: "", csv: "" };
  const stats = renderCorpus({ records, seed }, (format, piece) => {
    text[format] += piece;
  });
  return { text, stats };
}

function digests(text: Record<CorpusFormat, string>): Record<CorpusFormat, string> {
  const hash = (value: string): string => createHash("sha256").update(value).digest("hex");
  return { text: hash(text.text), json: hash(text.json), csv: hash(text.csv) };
}

const TEN_THOUSAND = render(10_000, 42);

describe("corpus generator", () => {
  it("gives the same bytes for the same seed", () => {
    expect(digests(render(10_000, 42).text)).toEqual(digests(TEN_THOUSAND.text));
  });

  it("gives other bytes for another seed", () => {
    const other = digests(render(10_000, 43).text);
    const reference = digests(TEN_THOUSAND.text);
    for (const format of CORPUS_FORMATS) expect(other[format]).not.toBe(reference[format]);
  });

  it("keeps its bytes across versions (bump CORPUS_GENERATOR_VERSION when this changes)", () => {
    expect(digests(TEN_THOUSAND.text)).toMatchInlineSnapshot(`
      {
        "csv": "21a606ace9366150ece2a1bc45e39b7e1c6aa91edcaf2a193eb60841fd8c8681",
        "json": "24cd1129c7b736fa3f4d0821aefbd69263e1cf1295f5b512e48cf5e722463818",
        "text": "91d5526bad4dfd75085149afc703d8b83d9c02f9da621aa1518d6fd6e935413a",
      }
    `);
  });

  it("writes one line per record in every format, plus the CSV header", () => {
    const lines = (format: CorpusFormat): string[] =>
      TEN_THOUSAND.text[format].split("\n").slice(0, -1);
    expect(lines("text")).toHaveLength(10_000);
    expect(lines("json")).toHaveLength(10_000);
    expect(lines("csv")).toHaveLength(10_001);
    expect(lines("csv")[0]).toBe(CSV_HEADER);
  });

  it("has about 0.5% malformed records and some out-of-order timestamps", () => {
    expect(TEN_THOUSAND.stats.records).toBe(10_000);
    expect(TEN_THOUSAND.stats.malformed).toBeGreaterThan(20);
    expect(TEN_THOUSAND.stats.malformed).toBeLessThan(90);
    expect(TEN_THOUSAND.stats.outOfOrder).toBeGreaterThan(20);
  });

  it("follows the level mix and uses 8 services", () => {
    const levels = new Map<string, number>();
    const services = new Set<string>();
    generateRecords({ records: 50_000, seed: 7 }, (record: CorpusRecord) => {
      levels.set(record.level, (levels.get(record.level) ?? 0) + 1);
      services.add(record.service);
    });
    const share = (level: string): number => (levels.get(level) ?? 0) / 50_000;
    expect(share("INFO")).toBeGreaterThan(0.77);
    expect(share("INFO")).toBeLessThan(0.82);
    expect(share("DEBUG")).toBeGreaterThan(0.08);
    expect(share("WARNING")).toBeGreaterThan(0.045);
    expect(share("ERROR")).toBeGreaterThan(0.03);
    expect(share("CRITICAL")).toBeGreaterThan(0.002);
    expect(services.size).toBe(8);
  });

  it("writes every good text line in the SPEC standard layout", () => {
    const standard = /^(\S+) (DEBUG|INFO|WARNING|ERROR|CRITICAL) \[[a-z-]+\] \S/;
    const validInstant = (text: string): boolean => {
      const parsed = Date.parse(text);
      return Number.isFinite(parsed) && new Date(parsed).toISOString() === text;
    };
    const lines = TEN_THOUSAND.text.text.split("\n").slice(0, -1);
    const good = lines.filter((line) => {
      const match = standard.exec(line);
      return match !== null && validInstant(match[1] as string);
    });
    expect(lines.length - good.length).toBe(TEN_THOUSAND.stats.malformed);
  });
});

describe("SeededRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const first = new SeededRandom(1);
    const second = new SeededRandom(1);
    for (let index = 0; index < 1000; index++) {
      const value = first.next();
      expect(value).toBe(second.next());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
