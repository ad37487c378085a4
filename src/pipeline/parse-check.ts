import type { CParser, SyntaxNode } from '../c/parser.js';
import { blank } from '../c/blank-bodies.js';
import { countSyntaxErrors, parseReviewed, ReviewLimitError } from '../c/source-analysis.js';
import { LineIndex } from '../text/line-index.js';
import type { ParseFacts, Reviewer } from '../review/reviewer.js';
import type { Finding } from '../types.js';
import { withdrawBreakingFixes, type Region } from './withdraw-breaking-fixes.js';

/**
 * The reviewer as the pipeline uses it: each file's findings with the fixes that would break the
 * parse withdrawn (withdrawBreakingFixes, over the findings in the order the rules reported them),
 * then ordered by offset and rule. The check works on the text as the reviewer parsed it (the
 * bodies the review never enters blanked), with its syntax errors and its functions: the
 * reviewer's own parse when it hands it over (`fixCheck.parsed`), else a parse of its own. It
 * shares the file's review time: it counts from when the review began (`since` for an island of a
 * hunk-built image) and stops the file at the same limit. A reviewer without `fixCheck` (checked already, or a test double) has its findings ordered only,
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
        const { text, syntaxErrors, functions } = check.parsed?.(file) ?? parseFacts(check.parser, file.text);
        const at = since + check.maxReviewMillis;
        const checkTime = () => {
          if (Date.now() > at) throw new ReviewLimitError({ kind: 'review-time', path: file.path, limit: check.maxReviewMillis });
        };
        withdrawBreakingFixes(check.parser, text, syntaxErrors, functions, findings, checkTime, file.text);
      }
      return findings.sort(byOffset);
    },
  };
}

/**
 * The text as analyzeSource parses it, with its syntax errors and outermost functions: the bodies
 * the review never enters blanked (blank-bodies: offsets and lines kept, no relevant token in
 * them, so no fix edits them), or the text as it is when the parse does not give those bodies
 * back as blocks.
 */
function parseFacts(parser: CParser, text: string): ParseFacts {
  // No deadline: the check's own time limit is checked between its parses.
  const { tree, spans } = parseReviewed(text, new LineIndex(text), (t, ranges) => parser.parseWithin(t, Infinity, ranges)!);
  try {
    return { text: blank(text, spans), syntaxErrors: countSyntaxErrors(tree.rootNode), functions: outerFunctions(tree.rootNode) };
  } finally {
    tree.delete();
  }
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
