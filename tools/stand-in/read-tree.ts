import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A directory's files as path (inside it, `/`-separated) -> text; bounded depth. */
export function readTree(dir: string, depth = 12): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string, level: number) => {
    if (level > depth) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r, level + 1);
      else if (e.isFile()) out.set(r, readFileSync(path.join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '', 0);
  return out;
}
