import type { Observed } from '../verify/observed.js';

/** Numbers the tripped conditions of a table, one number per distinct condition, in order of appearance. */
export class Footnotes {
  private readonly numbers = new Map<string, number>();

  /** The cell for an outcome: the value, or `BUG [n]` / `WARN [n]` with the condition's number. */
  cell(o: Observed): string {
    if (o.kind === 'value') return o.text;
    let n = this.numbers.get(o.text);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(o.text, n);
    }
    return `${o.kind} [${n}]`;
  }

  entries(): { n: number; text: string }[] {
    return [...this.numbers].map(([text, n]) => ({ n, text }));
  }
}
