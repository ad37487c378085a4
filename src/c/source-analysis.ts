import { DEFAULT_LIMITS, type ReviewOptions } from '../types.js';
import { LineIndex } from '../text/line-index.js';
import { collectFileScope, type FileScope } from './file-scope.js';
import { declaredNames, type CType } from './c-type.js';
import { blank, blankableBodies, rangesAround } from './blank-bodies.js';
import { macroShadow } from './macro-shadow.js';
import { indexNodes, type NodeIndex } from './node-index.js';
import { descendants } from './nodes.js';
import type { CParser, Range, SyntaxNode, Tree } from './parser.js';
import { TypeResolver } from './type-resolver.js';

/**
 * The literals a relevant text holds, one of them at least: the fields, the page type, and the
 * readers of every generation. The audit's prefilter searches every file of a tree for them (as
 * bytes, or with grep), then tests RELEVANT on the few that have one.
 */
export const RELEVANT_LITERALS: readonly string[] = ['mem_cgroup', 'obj_cgroups', 'memcg_data', 'Kmemcg', 'MemcgKmem', 'page_memcg', 'folio_memcg', 'page_objcgs', 'page_obj_cgroups', 'page_mem_cgroup'];

/**
 * What makes a file worth parsing, and a function worth walking: one of RELEVANT_LITERALS, where
 * `mem_cgroup` counts only as a field (`->mem_cgroup`, `.mem_cgroup`, spaces and line breaks
 * allowed between), never as the type name `struct mem_cgroup`, which half the memory-management
 * code holds and no rule looks at. Every alternative holds its literal, so the prefilter's
 * literal search lets through every file this matches.
 */
export const RELEVANT = new RegExp(
  RELEVANT_LITERALS.map((l) => (l === 'mem_cgroup' ? '(?:->|\\.)\\s*mem_cgroup\\b' : l.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))).join('|'),
);


/** One C source parsed and ready for the rules: its trees (file and macro bodies), types, lines. */
export interface SourceAnalysis {
  path: string;
  text: string;
  lines: LineIndex;
  /** The file's tree, then the macro-body shadow tree when there is one; offsets agree. */
  roots: SyntaxNode[];
  /** The nodes of each root the rules look at, gathered in one walk. */
  indexes: NodeIndex[];
  /** Every node's parent, for the review's ReviewContext.parentOf() (see review-context.ts). */
  parents: Map<number, SyntaxNode>;
  resolver: TypeResolver;
  scope: FileScope;
  options: ReviewOptions;
  /** The text the file's tree is the parse of: `text` with the bodies the review never enters blanked (blank-bodies.ts). */
  parsedText: string;
  /** ERROR and MISSING nodes in the file's tree (of `parsedText`); read it before `dispose`. */
  syntaxErrors: number;
  /** Frees the parse trees (tree-sitter's memory lives outside the JS heap). */
  dispose(): void;
}

/** A file the review gives up on within its limits: reported as a note on that file, not as a failure. */
/** A limit a review stopped at, as data: which one, on which file, its value (and the size found, for `size`). */
export interface ReviewLimit {
  kind: 'size' | 'parse-time' | 'review-time';
  path: string;
  /** Characters for `size`, milliseconds for the times. */
  limit: number;
  /** The file's size in characters, for `size`. */
  actual?: number;
}

/** What a note on a file over a limit says (the note names the file). */
export function limitMessage(limit: ReviewLimit): string {
  switch (limit.kind) {
    case 'size':
      return `not reviewed: ${limit.actual} characters, over the limit of ${limit.limit}`;
    case 'parse-time':
      return `not reviewed: parsing took longer than ${limit.limit} ms`;
    case 'review-time':
      return `not reviewed: the review took longer than ${limit.limit} ms`;
  }
}

/** Thrown out of one file's review when it passes a limit; reviewOne turns it into a note. */
export class ReviewLimitError extends Error {
  constructor(readonly limit: ReviewLimit) {
    super(`${limit.path}: ${limitMessage(limit)}`);
  }
}

/**
 * ERROR and MISSING nodes of a tree. Only subtrees tree-sitter marks as holding an error
 * (`hasError`) are entered, so the walk follows the paths down to the errors instead of every
 * node; an ERROR or MISSING node is counted, and walked whole, even when it is not so marked
 * (tree-sitter leaves some ERROR nodes at no error cost).
 */
export function countSyntaxErrors(root: SyntaxNode): number {
  if (!root.hasError) return 0;
  let n = 0;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.hasError) {
      for (const d of descendants(node)) if (d.isError || d.isMissing) n++;
      continue;
    }
    if (node.isError || node.isMissing) n++;
    for (const child of node.children) if (child && (child.hasError || child.isError || child.isMissing)) stack.push(child);
  }
  return n;
}

export function analyzeSource(
  parser: CParser,
  file: { path: string; text: string; headings?: { line: number; text: string }[]; imageLength?: number },
  options: ReviewOptions,
  /** The calls to index (the model's MEMCG_CALLS): the C layer does not know the API's names. */
  calls: ReadonlySet<string>,
): SourceAnalysis {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const length = file.imageLength ?? file.text.length;
  if (length > limits.maxBytes) throw new ReviewLimitError({ kind: 'size', path: file.path, limit: limits.maxBytes, actual: length });
  const deadline = Date.now() + limits.maxParseMillis;
  const parse = (text: string, ranges?: Range[]): Tree => {
    const tree = parser.parseWithin(text, deadline, ranges);
    if (!tree) throw new ReviewLimitError({ kind: 'parse-time', path: file.path, limit: limits.maxParseMillis });
    return tree;
  };
  const lines = new LineIndex(file.text);
  const { tree: main, spans } = parseReviewed(file.text, lines, parse);
  const blanked = spans.length > 0;
  const parents = new Map<number, SyntaxNode>();
  const index = indexNodes(main.rootNode, RELEVANT, calls, parents, file.text);
  let parsedText: string | undefined;
  let syntaxErrors: number | undefined;
  const trees: Tree[] = [main];
  const indexes = [index];
  const shadow = macroShadow(index.macroValues, file.text, (n) => parents.get(n.id) ?? null);
  if (shadow) {
    trees.push(parser.parse(shadow));
    indexes.push(indexNodes(trees[1]!.rootNode, RELEVANT, calls, parents, shadow));
  }
  const scope = collectFileScope(index);
  const paramCache = new Map<string, Map<string, CType>>();
  const paramsOf = (text: string): Map<string, CType> => {
    let params = paramCache.get(text);
    if (!params) {
      params = new Map();
      const open = text.indexOf('(');
      if (open !== -1) {
        let inner = text.slice(open + 1);
        const close = inner.lastIndexOf(')');
        if (close !== -1) inner = inner.slice(0, close);
        const tree = parser.parse(`void __params(${inner.replace(/,\s*$/, '')});`);
        for (const n of descendants(tree.rootNode)) {
          if (n.type === 'parameter_declaration') for (const d of declaredNames(n)) params.set(d.name, d.type);
        }
        tree.delete();
      }
      paramCache.set(text, params);
    }
    return params;
  };
  const headings = [...(file.headings ?? [])].sort((a, b) => a.line - b.line);
  const headingAt = (offset: number): string | null => {
    const line = lines.lineOf(offset);
    let found: string | null = null;
    for (const h of headings) {
      if (h.line > line) break;
      found = h.text;
    }
    return found;
  };
  return {
    path: file.path,
    text: file.text,
    lines,
    roots: trees.map((t) => t.rootNode),
    indexes,
    parents,
    resolver: new TypeResolver({ scope, paramsOf, headingAt }),
    scope,
    options,
    // Asked for by the parse check of fixes only: most files have none.
    get parsedText() {
      return (parsedText ??= blanked ? blank(file.text, spans) : file.text);
    },
    // Counted when the parse check of a fix asks (before dispose), not for every file.
    get syntaxErrors() {
      return (syntaxErrors ??= countSyntaxErrors(trees[0]!.rootNode));
    },
    dispose: () => trees.forEach((t) => t.delete()),
  };
}

/** The least share of a file's text in bodies to leave out that makes leaving them out worth it. */
const MIN_BLANKED_SHARE = 0.1;

/**
 * A text parsed as the review parses it: the bodies the review never enters left out of the parse
 * (blank-bodies.ts), so the tree is that of the text with `spans` blanked; when they are less than
 * a tenth of the text, or the parse does not give them back as blocks, the text is parsed whole
 * and `spans` is empty. `parse` parses a text within tree-sitter's included ranges (all of it
 * without them).
 */
export function parseReviewed(text: string, lines: LineIndex, parse: (text: string, ranges?: Range[]) => Tree): { tree: Tree; spans: [number, number][] } {
  const spans = blankableBodies(text, RELEVANT);
  // Bodies that are a small part of the file are parsed with it: leaving them out would save
  // little, and the parse check of a fix outside every function would have to parse the whole
  // text again (a trace event header: 0.6% of it in such bodies, three times 50 ms for its parses).
  if (spans.length > 0 && spans.reduce((n, [s, e]) => n + e - s, 0) >= text.length * MIN_BLANKED_SHARE) {
    const position = (offset: number) => {
      const p = lines.position(offset);
      return { row: p.line - 1, column: p.column - 1 };
    };
    const tree = parse(text, rangesAround(spans, text.length, position));
    if (blocksParsed(tree.rootNode, spans)) return { tree, spans };
    tree.delete();
  }
  return { tree: parse(text), spans: [] };
}

/**
 * Whether every blanked span came back as one block, its braces those the scan matched: then the
 * parser read the file's other text as it would have with the bodies in place. (Where the block
 * sits is up to the parse: a function that tree-sitter's error recovery leaves open holds the ones
 * after it either way.)
 */
export function blocksParsed(root: SyntaxNode, spans: readonly [number, number][]): boolean {
  return spans.every(([s, e]) => {
    const block = root.descendantForIndex(s - 1)?.parent;
    return block?.type === 'compound_statement' && block.startIndex === s - 1 && block.endIndex === e + 1;
  });
}
