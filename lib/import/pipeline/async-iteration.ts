// Small helpers for pulling from async iterators without losing what was already read.

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export async function* asAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** The first bytes of a stream, plus a stream that still yields everything from the start. */
export async function peekBytes(
  source: ByteChunks,
  minBytes: number,
): Promise<{ head: Buffer; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = asAsync(source);
  const seen: Uint8Array[] = [];
  let length = 0;
  while (length < minBytes) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* seen;
      yield* { [Symbol.asyncIterator]: () => iterator };
    } finally {
      await iterator.return(undefined);
    }
  }
  return { head: Buffer.concat(seen), chunks: replay() };
}

/** Whole stream as one buffer, or null once it exceeds maxBytes (spreadsheets cannot be streamed). */
export async function collectBytes(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    length += chunk.length;
    if (length > maxBytes) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export async function takeRows<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const taken: T[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

export async function drain(iterator: AsyncIterator<unknown>): Promise<void> {
  for (;;) if ((await iterator.next()).done) return;
}

/**
 * Rows already taken, then the rest of the iterator. However iteration stops (end, error, or the
 * consumer leaving early) the source is closed, so an upload stream is not left open.
 */
export async function* continueWith<T>(
  taken: readonly T[],
  rest: AsyncIterator<T>,
  onEnd?: () => Promise<unknown> | unknown,
): AsyncGenerator<T> {
  let finished = false;
  try {
    yield* taken;
    for (;;) {
      const next = await rest.next();
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) await rest.return?.();
    await onEnd?.();
  }
}
