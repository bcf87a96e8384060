/** How far `PeekableBytes.peek` reads ahead. */
export interface PeekLimits {
  /** Stop once this many bytes are buffered. */
  maxBytes: number;
  /** Or once this many line feeds are buffered (default: never). */
  lineFeeds?: number;
}

/**
 * A byte stream whose first bytes can be looked at before it is consumed:
 * `peek` buffers copies of chunks, `next` hands them out again, then the rest (straight
 * from the underlying iterator, without an extra async layer).
 */
export class PeekableBytes implements AsyncIterableIterator<Buffer> {
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
        // A copy: the source may reuse its buffer once the next chunk is asked for.
        this.buffered.push(Buffer.from(next.value));
        length += next.value.length;
        lineFeeds += countLineFeeds(next.value);
      }
    }
    return Buffer.concat(this.buffered);
  }

  next(): Promise<IteratorResult<Buffer>> {
    const chunk = this.buffered.shift();
    if (chunk !== undefined) return Promise.resolve({ done: false, value: chunk });
    if (this.finished) return Promise.resolve({ done: true, value: undefined });
    return this.iterator.next();
  }

  async return(): Promise<IteratorResult<Buffer>> {
    this.buffered.length = 0;
    if (!this.finished) {
      this.finished = true;
      await this.iterator.return?.();
    }
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Buffer> {
    return this;
  }
}

function countLineFeeds(chunk: Buffer): number {
  let count = 0;
  for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1))
    count += 1;
  return count;
}
