import { readFileSync } from 'node:fs';

const root = new URL('../../fixtures/patch/', import.meta.url);

/** A fixture under fixtures/patch/ as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, root), 'utf8');
}

/** A reader of the base tree in fixtures/patch/base/ (null when the file is missing). */
export function baseReader(overrides: Record<string, string> = {}): (path: string) => string | null {
  return (path) => {
    if (path in overrides) return overrides[path]!;
    try {
      return fixture(`base/${path}`);
    } catch {
      return null;
    }
  };
}
