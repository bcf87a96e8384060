import { open } from "node:fs/promises";

/**
 * Size of one file read (512 KiB). Few large reads keep the thread pool
 * round trips and the per-read cost low; the blocks are decoded in 64 KiB
 * slices (DECODE_CHUNK_BYTES), so the strings stay small whatever this is.
 */
export const FILE_BLOCK_BYTES = 512 * 1024;

/**
 * The two buffers of the last finished read, for the next one: a thread that
 * reads many files or byte ranges one after another (a worker reading parts)
 * reuses them instead of leaving 1 MiB per read to the garbage collector
 * (they outlive young-generation collections, so dropped ones pile up until
 * a full GC: `logfeat run --workers 2`, 16 parts of a 113 MB file, peaked
 * about 15 MiB higher without this). At most 1 MiB is kept per thread.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 2;

function takeBuffer(): Buffer {
  return spareBuffers.pop() ?? Buffer.allocUnsafe(FILE_BLOCK_BYTES);
}

function giveBack(buffer: Buffer): void {
  if (spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(buffer);
}

/**
 * Bytes [start, end) of a file (`end` Infinity: up to its end, as it is when
 * read, so a growing log is read to its current end), in blocks of at most
 * FILE_BLOCK_BYTES read into two reused buffers: while the consumer handles
 * one block, the next one is already being read into the other buffer
 * (double buffering), so a consumer that takes longer than a read never
 * waits for the disk. A yielded block is valid until the consumer asks for
 * the next one (its buffer is then read into again): a consumer that keeps
 * bytes longer copies them. A read error is thrown at the step that wanted
 * the block. Stopping the iteration closes the file (after a pending read).
 */
export async function* readFileBlocks(
  path: string,
  start: number,
  end: number,
): AsyncGenerator<Buffer, void, undefined> {
  if (start >= end) return;
  const handle = await open(path, "r");
  const buffers = [takeBuffer(), takeBuffer()];
  let position = start;
  // A read that fails while the consumer is busy must not be an unhandled rejection: its error is kept and thrown when awaited.
  let readError: unknown = null;
  const readBlock = (buffer: Buffer): Promise<number> =>
    handle.read(buffer, 0, Math.min(buffer.length, end - position), position).then(
      (result) => result.bytesRead,
      (error: unknown) => {
        readError = error;
        return 0;
      },
    );
  let pending: Promise<number> | null = readBlock(buffers[0] as Buffer);
  try {
    for (let index = 0; pending !== null; index = 1 - index) {
      const bytesRead: number = await pending;
      pending = null;
      if (readError !== null) throw readError;
      if (bytesRead === 0) return;
      position += bytesRead;
      // The next read starts before this block is handed on: it runs in the thread pool meanwhile.
      if (position < end) pending = readBlock(buffers[1 - index] as Buffer);
      yield (buffers[index] as Buffer).subarray(0, bytesRead);
    }
  } finally {
    // A read still running when the consumer stops must finish before the file is closed.
    if (pending !== null) await pending;
    // The consumer is past the last block it was handed (it asked for another step or stopped).
    for (const buffer of buffers) giveBack(buffer);
    await handle.close();
  }
}
