/** How far `PeekableBytes.peek` reads ahead. */
export interface PeekLimits {
  /** Stop once this many bytes are buffered. */
  maxBytes: number;
  /** Or once this many line feeds are buffered (default: never). */
  lineFeeds?: number;
}

/**
 * A byte stream whose first bytes can be looked at before it is consumed:
 * `peek` buffers chunks, iteration yields them again, then the rest.
 */
export class PeekableBytes implements AsyncIterable<Buffer> {
  private readonly iterator: AsyncIterator<Buffer>;
  private readonly buffered: Buffer[] = [];
  private finished = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** True once `peek` has reached the end of the stream (the peeked bytes are all of it). */
  get ended(): boolean {
    return this.finished;
  }

  /** The first bytes of the stream, up to the limits (fewer at the end of the stream). */
  async peek(limits: PeekLimits): Promise<Buffer> {
    let length = 0;
    let lineFeeds = 0;
    for (const chunk of this.buffered) {
      length += chunk.length;
      lineFeeds += countLineFeeds(chunk);
    }
    const wantedLineFeeds = limits.lineFeeds ?? Number.POSITIVE_INFINITY;
    while (!this.finished && length < limits.maxBytes && lineFeeds < wantedLineFeeds) {
      const next = await this.iterator.next();
      if (next.done === true) this.finished = true;
      else {
        this.buffered.push(next.value);
        length += next.value.length;
        lineFeeds += countLineFeeds(next.value);
      }
    }
    return Buffer.concat(this.buffered);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    let finished = this.finished;
    try {
      while (this.buffered.length > 0) yield this.buffered.shift() as Buffer;
      while (!finished) {
        const next = await this.iterator.next();
        if (next.done === true) finished = true;
        else yield next.value;
      }
    } finally {
      if (!finished) await this.iterator.return?.();
    }
  }
}

function countLineFeeds(chunk: Buffer): number {
  let count = 0;
  for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1))
    count += 1;
  return count;
}
