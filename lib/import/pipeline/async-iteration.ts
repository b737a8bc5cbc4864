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

/**
 * Items grouped into arrays of up to `size`, so a consumer awaits once per group. When the source
 * fails, the items read before the failure are still handed on before the error.
 */
export async function* inGroups<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let group: T[] = [];
  try {
    for await (const item of source) {
      group.push(item);
      if (group.length >= size) {
        yield group;
        group = [];
      }
    }
  } catch (error) {
    if (group.length > 0) yield group;
    throw error;
  }
  if (group.length > 0) yield group;
}

/**
 * The first `count` items of a stream of groups, and the rest of the group they ended in; the
 * iterator is left where the next group starts.
 */
export async function takeFromGroups<T>(
  groups: AsyncIterator<T[]>,
  count: number,
): Promise<{ taken: T[]; rest: T[] }> {
  const taken: T[] = [];
  while (taken.length < count) {
    const next = await groups.next();
    if (next.done) break;
    const needed = count - taken.length;
    if (next.value.length <= needed) {
      for (const item of next.value) taken.push(item);
      continue;
    }
    for (const item of next.value.slice(0, needed)) taken.push(item);
    return { taken, rest: next.value.slice(needed) };
  }
  return { taken, rest: [] };
}
