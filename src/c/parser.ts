import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Range, Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Point, Range, Tree } from 'web-tree-sitter';

/** A loaded C parser: tree-sitter-c 0.24.1's grammar on web-tree-sitter 0.25.10. */
export interface CParser {
  /** Parses a text; with `deadline` (a Date.now() value) gives up past it and returns null. */
  parse(text: string): Tree;
  /** `ranges`: the only stretches of `text` read (tree-sitter's included ranges); the rest is skipped, offsets kept. */
  parseWithin(text: string, deadline: number, ranges?: Range[]): Tree | null;
}

let loading: Promise<CParser> | undefined;

/** Loads the grammar once per process; later calls share it. */
export function loadCParser(): Promise<CParser> {
  loading ??= (async () => {
    // Imported here, not at the top: a run that parses nothing (help, an audit until its first
    // file) does not load the grammar's runtime, and the audit's grep starts sooner.
    const { Language, Parser } = await import('web-tree-sitter');
    // Both WebAssembly files are named from this module's place, not from web-tree-sitter's (the
    // CLI's bundle holds web-tree-sitter), and the grammar is handed over as bytes: given a path,
    // Language.load would load fs/promises with a dynamic import, which a script compiled from a V8
    // code cache cannot do (the CLI's bundle, see src/cli/code-cache.ts). Both are the program's
    // own files, never input.
    const require = createRequire(import.meta.url);
    await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/tree-sitter.wasm') });
    const language = await Language.load(readFileSync(require.resolve('tree-sitter-c/tree-sitter-c.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return {
      parse(text: string): Tree {
        const tree = parser.parse(text);
        if (!tree) throw new Error('tree-sitter returned no tree');
        return tree;
      },
      parseWithin(text: string, deadline: number, ranges?: Range[]): Tree | null {
        // The progress callback cancels the parse by returning true (web-tree-sitter 0.25).
        const progressCallback = (() => Date.now() > deadline) as unknown as (state: unknown) => void;
        const tree = parser.parse(text, null, ranges ? { progressCallback, includedRanges: ranges } : { progressCallback });
        // A cancelled parse would otherwise resume on the next call, with the next file's text.
        if (!tree) parser.reset();
        return tree;
      },
    };
  })();
  return loading;
}
