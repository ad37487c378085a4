/** Groups an iterator's items into arrays of up to `size`, lazily. */
export function* batches<T>(items: Iterator<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (let next = items.next(); !next.done; next = items.next()) {
    batch.push(next.value);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
