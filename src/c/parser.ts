import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

/** A loaded C parser: tree-sitter-c 0.24.1's grammar on web-tree-sitter 0.25.10. */
export interface CParser {
  parse(text: string): Tree;
}

let loading: Promise<CParser> | undefined;

/** Loads the grammar once per process; later calls share it. */
export function loadCParser(): Promise<CParser> {
  loading ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(require.resolve('tree-sitter-c/tree-sitter-c.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return {
      parse(text: string): Tree {
        const tree = parser.parse(text);
        if (!tree) throw new Error('tree-sitter returned no tree');
        return tree;
      },
    };
  })();
  return loading;
}
