import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { FILE_BLOCK_BYTES, readFileBlocks } from "../src/file-blocks.js";
import { ingestLogs } from "../src/index.js";
import { DECODE_CHUNK_BYTES } from "../src/log-input.js";
import { collect, linesAndPayloads, temporaryFolder } from "./helpers.js";

const temporary = temporaryFolder();
afterAll(() => temporary.remove());

/** A deterministic pseudo-random generator (so the files are the same on every run). */
function randomGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const WORDS = ["alpha", "é", "日本語", "😀", "beta", "x".repeat(40), "\t", "ü-ß"];

/**
 * About `bytes` bytes of text lines with 2-, 3- and 4-byte characters and
 * CRLF endings here and there, so that characters and line endings fall on
 * every 64 KiB slice and 512 KiB block boundary sooner or later.
 */
function multilingualLog(bytes: number, seed: number): string {
  const random = randomGenerator(seed);
  const lines: string[] = [];
  let length = 0;
  while (length < bytes) {
    const words = Array.from(
      { length: 1 + Math.floor(random() * 12) },
      () => WORDS[Math.floor(random() * WORDS.length)] as string,
    );
    const line = `${lines.length} ${words.join(" ")}${random() < 0.1 ? "\r" : ""}`;
    lines.push(line);
    length += Buffer.byteLength(line) + 1;
  }
  return `${lines.join("\n")}\n`;
}

/** Lines of hexadecimal hashes: compresses to about half, so its gzip spans several blocks. */
function incompressibleLog(lineCount: number, seed: number): string {
  return Array.from(
    { length: lineCount },
    (_, index) => `${index} ${createHash("sha256").update(`${seed}:${index}`).digest("hex")}\n`,
  ).join("");
}

/** The blocks of a file read with readFileBlocks, copied (a block is only valid until the next step). */
async function blocksOf(path: string, start: number, end: number): Promise<Buffer[]> {
  const blocks: Buffer[] = [];
  for await (const block of readFileBlocks(path, start, end)) blocks.push(Buffer.from(block));
  return blocks;
}

const LARGE = Buffer.from(multilingualLog(3 * FILE_BLOCK_BYTES + 12_345, 7), "utf8");
const largePath = temporary.file("large.log", LARGE);

describe("readFileBlocks", () => {
  it("reads the whole file in blocks of at most FILE_BLOCK_BYTES", async () => {
    const blocks = await blocksOf(largePath, 0, Number.POSITIVE_INFINITY);
    expect(blocks.length).toBe(Math.ceil(LARGE.length / FILE_BLOCK_BYTES));
    expect(blocks.every((block) => block.length > 0 && block.length <= FILE_BLOCK_BYTES)).toBe(
      true,
    );
    expect(Buffer.concat(blocks).equals(LARGE)).toBe(true);
  });

  it("reads bytes [start, end) of the file", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: LARGE.length }),
        fc.integer({ min: 0, max: LARGE.length }),
        async (first, second) => {
          const [start, end] = first <= second ? [first, second] : [second, first];
          const bytes = Buffer.concat(await blocksOf(largePath, start, end));
          expect(bytes.equals(LARGE.subarray(start, end))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("yields nothing for an empty range and stops at the end of a shorter file", async () => {
    expect(await blocksOf(largePath, 1000, 1000)).toEqual([]);
    const small = temporary.file("small.log", "abc\n");
    expect(Buffer.concat(await blocksOf(small, 1, 1_000_000)).toString()).toBe("bc\n");
  });

  it("can be stopped after the first block, with the next read in flight, and read again", async () => {
    for await (const block of readFileBlocks(largePath, 0, Number.POSITIVE_INFINITY)) {
      expect(block.length).toBe(FILE_BLOCK_BYTES);
      break;
    }
    const again = await blocksOf(largePath, 0, Number.POSITIVE_INFINITY);
    expect(Buffer.concat(again).equals(LARGE)).toBe(true);
  });

  it("reads running at the same time do not share buffers", async () => {
    const first = readFileBlocks(largePath, 0, LARGE.length);
    const second = readFileBlocks(largePath, 1000, LARGE.length);
    const firstBytes: Buffer[] = [];
    const secondBytes: Buffer[] = [];
    for (;;) {
      const [a, b] = await Promise.all([first.next(), second.next()]);
      if (a.done !== true) firstBytes.push(Buffer.from(a.value));
      if (b.done !== true) secondBytes.push(Buffer.from(b.value));
      if (a.done === true && b.done === true) break;
    }
    expect(Buffer.concat(firstBytes).equals(LARGE)).toBe(true);
    expect(Buffer.concat(secondBytes).equals(LARGE.subarray(1000))).toBe(true);
  });
});

describe("files of several blocks", () => {
  it("a file gives the records of the same bytes in memory (characters cut by slices and blocks)", async () => {
    const fromFile = await collect(ingestLogs(largePath));
    const fromMemory = await collect(ingestLogs(LARGE, { format: "text" }));
    expect(fromFile.records.length).toBeGreaterThan(10_000);
    expect(linesAndPayloads(fromFile.records)).toEqual(linesAndPayloads(fromMemory.records));
    expect(fromFile.records.some((record) => String(record.payload).includes("😀"))).toBe(true);
    expect(fromFile.records.every((record) => !String(record.payload).includes("\ufffd"))).toBe(
      true,
    );
  });

  it("byte ranges cut at any line starts give the records of the whole file", async () => {
    const lineStarts = [0];
    for (let index = LARGE.indexOf(10); index !== -1; index = LARGE.indexOf(10, index + 1))
      if (index + 1 < LARGE.length) lineStarts.push(index + 1);
    const whole = linesAndPayloads((await collect(ingestLogs(largePath))).records);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: lineStarts.length - 1 }), { maxLength: 4 }),
        async (cutLines) => {
          const starts = [0, ...cutLines.sort((a, b) => a - b)];
          const parts: [number, unknown][] = [];
          for (const [index, line] of starts.entries()) {
            const next = starts[index + 1];
            const byteRange = {
              start: lineStarts[line] as number,
              end: next === undefined ? LARGE.length : (lineStarts[next] as number),
              firstLine: line + 1,
            };
            parts.push(
              ...linesAndPayloads(
                (await collect(ingestLogs(largePath, { format: "text", byteRange }))).records,
              ),
            );
          }
          expect(parts).toEqual(whole);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("a gzip file of several blocks equals the plain file", async () => {
    const text = incompressibleLog(40_000, 3);
    const compressed = gzipSync(text);
    expect(compressed.length).toBeGreaterThan(2 * FILE_BLOCK_BYTES);
    const plain = await collect(ingestLogs(temporary.file("hex.log", text)));
    const source = ingestLogs(temporary.file("hex.log.gz", compressed));
    const zipped = await collect(source);
    expect(zipped.records).toHaveLength(40_000);
    expect(linesAndPayloads(zipped.records)).toEqual(linesAndPayloads(plain.records));
    expect(source.bytesRead).toBe(compressed.length);
  });

  it("a sniffed file of several blocks is read whole", async () => {
    const text = incompressibleLog(40_000, 5);
    const source = ingestLogs(temporary.file("hex-no-extension", text));
    const { records } = await collect(source);
    expect(source.format).toBe("text");
    expect(records.map((record) => record.payload)).toEqual(text.slice(0, -1).split("\n"));
  });

  it("chunks() hands on the records of each 64 KiB slice: at most one short array per slice", async () => {
    const chunkSize = 500;
    const source = ingestLogs(largePath, { chunkSize });
    const sizes: number[] = [];
    for await (const chunk of source.chunks()) sizes.push(chunk.length);
    const slicesPerBlock = FILE_BLOCK_BYTES / DECODE_CHUNK_BYTES;
    const slices =
      Math.floor(LARGE.length / FILE_BLOCK_BYTES) * slicesPerBlock +
      Math.ceil((LARGE.length % FILE_BLOCK_BYTES) / DECODE_CHUNK_BYTES);
    expect(sizes.every((size) => size > 0 && size <= chunkSize)).toBe(true);
    expect(sizes.filter((size) => size < chunkSize).length).toBeLessThanOrEqual(slices + 1);
    expect(source.recordsYielded).toBe(sizes.reduce((sum, size) => sum + size, 0));
    expect(source.bytesRead).toBe(LARGE.length);
  });
});
