import { open } from "node:fs/promises";

/**
 * Size of one file read (512 KiB). Few large reads keep the thread pool
 * round trips and the per-read cost low; the blocks are decoded in 64 KiB
 * slices (READ_CHUNK_BYTES), so the strings stay small whatever this is.
 */
export const FILE_BLOCK_BYTES = 512 * 1024;

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
  const buffers = [Buffer.allocUnsafe(FILE_BLOCK_BYTES), Buffer.allocUnsafe(FILE_BLOCK_BYTES)];
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
    await handle.close();
  }
}
