import { fieldAccesses } from '../c/field-access.js';
import { loadCParser, type CParser } from '../c/parser.js';
import { withParents } from '../c/parents.js';
import { analyzeSource, countSyntaxErrors, RELEVANT, type SourceAnalysis } from '../c/source-analysis.js';
import { applyEdits } from '../fix/apply-edits.js';
import { generationOf } from '../model/generation.js';
import { RULES } from '../rules/index.js';
import type { Problem, Rule } from '../rules/rule.js';
import { TARGETS, type Finding, type ReviewOptions, type Target } from '../types.js';
import { matchesAny } from './glob.js';

/** One C source to review: its path inside the tree and its text (a full file or a hunk-built image). */
export interface SourceFile {
  path: string;
  text: string;
  /** Hunk headings (git's function context) placed at the first line of each hunk; helps type inference in partial images. */
  headings?: { line: number; text: string }[];
}

export interface Reviewer {
  review(file: SourceFile): Finding[];
}

/** Generations the rules cover: every generation the model knows. */
export const SUPPORTED_TARGETS: readonly Target[] = TARGETS;

export class UnsupportedTargetError extends Error {
  constructor(target: string) {
    super(`target ${target} is not supported yet (supported: ${SUPPORTED_TARGETS.join(', ')})`);
  }
}

function lowConfidenceNote(p: Problem): string {
  return p.guessedFrom
    ? ` (type of ${p.guessedFrom} not declared in view; assumed from its name)`
    : ' (receiver type unknown here)';
}

/** Runs rules over one source; fixes that would add syntax errors are withdrawn. */
export function reviewWith(parser: CParser, rules: readonly Rule[], file: SourceFile, options: ReviewOptions): Finding[] {
  if (!RELEVANT.test(file.text)) return [];
  const src = analyzeSource(parser, file, options);
  try {
    return withParents(src.parents, () => runRules(parser, rules, file, src));
  } finally {
    src.dispose();
  }
}

function runRules(parser: CParser, rules: readonly Rule[], file: SourceFile, src: SourceAnalysis): Finding[] {
  const options = src.options;
  const isCore = matchesAny(file.path, options.coreFiles);
  const accesses = fieldAccesses(src);
  const gen = generationOf(options.target);
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check({
      src,
      gen,
      accesses,
      isCore,
      report(p) {
        const confidence = p.confidence ?? 'high';
        findings.push({
          ruleId: rule.meta.id,
          severity: p.severity ?? rule.meta.severity,
          file: file.path,
          message: confidence === 'low' ? p.message + lowConfidenceNote(p) : p.message,
          confidence,
          start: p.start,
          end: p.end,
          ...src.lines.span(p.start, p.end),
          ...(p.fix ? { fix: p.fix } : {}),
        });
      },
    });
  }
  withdrawBreakingFixes(parser, file.text, src.syntaxErrors, findings);
  return findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

/**
 * A fix must leave a file that parses with no more syntax errors than before. All fixes are tried
 * together; when that adds errors, the set is halved until the fixes that do are found, so a file
 * with thousands of fixes costs a few parses, not one per fix.
 */
function withdrawBreakingFixes(parser: CParser, text: string, errorsBefore: number, findings: Finding[]): void {
  const breaks = (set: Finding[]) => {
    const tree = parser.parse(applyEdits(text, set.flatMap((f) => f.fix!.edits)).text);
    const n = countSyntaxErrors(tree.rootNode);
    tree.delete();
    return n > errorsBefore;
  };
  const bisect = (set: Finding[]): void => {
    if (set.length === 0 || !breaks(set)) return;
    if (set.length === 1) {
      delete set[0]!.fix;
      return;
    }
    const half = set.length >> 1;
    bisect(set.slice(0, half));
    bisect(set.slice(half));
  };
  bisect(findings.filter((f) => f.fix));
}

/** Loads the C grammar once and returns a synchronous reviewer for a target generation. */
export async function createReviewer(options: ReviewOptions, rules: readonly Rule[] = RULES): Promise<Reviewer> {
  if (!SUPPORTED_TARGETS.includes(options.target)) throw new UnsupportedTargetError(options.target);
  const parser = await loadCParser();
  return { review: (file) => reviewWith(parser, rules, file, options) };
}
export { ReviewLimitError } from '../c/source-analysis.js';
