/**
 * Runs `work` over `items` a batch at a time: the file reads and writes of a batch overlap in
 * libuv's thread pool, while thousands of open files at once would not. Results come in the order
 * of `items`.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  size = 64,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}
