import fs from 'node:fs';
import path from 'node:path';

/**
 * The relative imports of a TypeScript source (static, dynamic and `export ... from`), as .ts paths.
 * With `values`, only imports that load a module when the code runs: `import type` and
 * `export type` are erased by the compiler.
 */
export function importsOf(file: string, values = false): string[] {
  let text = fs.readFileSync(file, 'utf8');
  if (values) text = text.replace(/^(?:import|export) type [^;]*;/gm, '');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)].map((m) => path.resolve(path.dirname(file), `${m[1]}.ts`));
}

/** Every source an entry reaches through its relative imports, the entry included. */
export function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return [...seen];
}
