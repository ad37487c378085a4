import type { CParser, SyntaxNode, Tree } from '../c/parser.js';
import { blank, blankableBodies } from '../c/blank-bodies.js';
import { blocksParsed, countSyntaxErrors, RELEVANT, ReviewLimitError } from '../c/source-analysis.js';
import type { Reviewer } from '../review/reviewer.js';
import type { Finding } from '../types.js';
import { withdrawBreakingFixes, type Region } from './withdraw-breaking-fixes.js';

/**
 * The reviewer as the pipeline uses it: each file's findings with the fixes that would break the
 * parse withdrawn (withdrawBreakingFixes, over the findings in the order the rules reported them),
 * then ordered by offset and rule. The check parses the file once more when some fix has edits, as
 * the reviewer parsed it (parsedText: the bodies the review never enters blanked), for its syntax
 * errors and its functions, and checks the fixes in that text. It shares the file's review time: it
 * counts from when the review began (`since` for an island of a hunk-built image) and stops the
 * file at the same limit.
 * A reviewer without `fixCheck` (checked already, or a test double) has its findings ordered only,
 * so checking twice costs nothing.
 */
export function parseChecked(reviewer: Reviewer): Reviewer {
  const check = reviewer.fixCheck;
  return {
    fixCheck: null,
    review(file) {
      const since = file.since ?? Date.now();
      const findings = reviewer.review(file);
      if (check && findings.some((f) => f.fix && f.fix.edits.length > 0)) {
        const { text, tree } = parsedText(check.parser, file.text);
        let errors: number;
        let regions: Region[];
        try {
          errors = countSyntaxErrors(tree.rootNode);
          regions = outerFunctions(tree.rootNode);
        } finally {
          tree.delete();
        }
        const at = since + check.maxReviewMillis;
        const checkTime = () => {
          if (Date.now() > at) throw new ReviewLimitError({ kind: 'review-time', path: file.path, limit: check.maxReviewMillis });
        };
        withdrawBreakingFixes(check.parser, text, errors, regions, findings, checkTime);
      }
      return findings.sort(byOffset);
    },
  };
}

/**
 * The text as analyzeSource parses it, with its tree: the bodies the review never enters blanked
 * (blank-bodies: offsets and lines kept, no relevant token in them, so no fix edits them), or the
 * text as it is when the parse does not give those bodies back as blocks.
 */
function parsedText(parser: CParser, text: string): { text: string; tree: Tree } {
  const spans = blankableBodies(text, RELEVANT);
  if (spans.length > 0) {
    const blanked = blank(text, spans);
    const tree = parser.parse(blanked);
    if (blocksParsed(tree.rootNode, spans)) return { text: blanked, tree };
    tree.delete();
  }
  return { text, tree: parser.parse(text) };
}

function byOffset(a: Finding, b: Finding): number {
  return a.start - b.start || a.ruleId.localeCompare(b.ruleId);
}

/**
 * The function definitions not inside another one, in file order: a fix is checked in the
 * outermost function that holds all its edits. The walk is a loop, not a recursion.
 */
function outerFunctions(root: SyntaxNode): Region[] {
  const regions: Region[] = [];
  const cursor = root.walk();
  for (;;) {
    const isFunction = cursor.nodeType === 'function_definition';
    if (isFunction) regions.push({ start: cursor.startIndex, end: cursor.endIndex });
    if (!isFunction && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return regions;
      }
    }
  }
}
