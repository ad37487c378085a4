/**
 * Heads this process has already reviewed to the end, most recent last, bounded. A second line of
 * defence against redeliveries, for a GitHub that does not list check runs (`checkRun: false`):
 * GitHub's own record (check runs, comment markers) stays the first.
 */
export class RecentReviews {
  readonly #keys = new Set<string>();

  constructor(readonly capacity = 1000) {}

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  add(key: string): void {
    this.#keys.delete(key);
    this.#keys.add(key);
    while (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.values().next().value as string);
  }
}
