import { fieldAccesses } from '../c/field-access.js';
import { loadCParser, type CParser } from '../c/parser.js';
import { ReviewContext } from '../c/review-context.js';
import { analyzeSource, RELEVANT, type SourceAnalysis } from '../c/source-analysis.js';
import { withContract } from '../model/contract.js';
import { generationOf, type Generation } from '../model/generation.js';
import { surfaceGeneration } from '../model/surface-generation.js';
import { MEMCG_CALLS } from '../model/helper-names.js';
import { RULES } from '../rules/index.js';
import type { Problem, Rule } from '../rules/rule.js';
import { DEFAULT_LIMITS, TARGETS, type Finding, type ReviewOptions, type Target } from '../types.js';
import { matchesAny } from './glob.js';

/** One C source to review: its path inside the tree and its text (a full file or a hunk-built image). */
export interface SourceFile {
  path: string;
  text: string;
  /** Hunk headings (git's function context) placed at the first line of each hunk; helps type inference in partial images. */
  headings?: { line: number; text: string }[];
  /** For a part of a larger text (one island of a hunk-built image): that text's length, which the size limit applies to. */
  imageLength?: number;
  /** For a part of a larger text: when that text's review started (Date.now()), which the review's time limit counts from. */
  since?: number;
}

/**
 * Runs the rules over one source. Its fixes are the rules' candidates: the pipeline
 * (pipeline/parse-check) withdraws those that would break the parse, then orders the findings,
 * before anyone sees them.
 */
export interface Reviewer {
  review(file: SourceFile): Finding[];
  /**
   * What the pipeline's parse check of fixed text needs: the reviewer's parser and its time limit
   * for one file's review. Null for a reviewer whose findings are checked already (parseChecked's
   * own, and a decorator over it); a test double without it has its fixes offered unchecked.
   */
  readonly fixCheck: FixCheck | null;
}

export interface FixCheck {
  parser: CParser;
  maxReviewMillis: number;
  /**
   * What the reviewer's own parse of `file` (the object its last review was given) found, when
   * that review offered a fix with edits: the check then needs no parse of its own.
   */
  parsed?(file: SourceFile): ParseFacts | undefined;
}

/** One review's parse, as the parse check of its fixes needs it. */
export interface ParseFacts {
  /** The text the tree was parsed from (bodies the review never enters blanked: SourceAnalysis.parsedText). */
  text: string;
  syntaxErrors: number;
  /** The function definitions the review indexed: a fix is checked in the one that holds it. */
  functions: { start: number; end: number }[];
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

/**
 * Runs rules over one source; the findings come in the order the rules report them, and their
 * fixes are candidates, not yet checked against the parse (the pipeline does both: see Reviewer).
 */
export function reviewWith(parser: CParser, rules: readonly Rule[], file: SourceFile, options: ReviewOptions, onFixes?: (parsed: ParseFacts) => void): Finding[] {
  if (!RELEVANT.test(file.text)) return [];
  const src = analyzeSource(parser, file, options, MEMCG_CALLS);
  try {
    const millis = options.limits?.maxReviewMillis ?? DEFAULT_LIMITS.maxReviewMillis;
    return runRules(rules, file, src, ReviewContext.start(src.parents, file.path, millis, file.since), onFixes);
  } finally {
    src.dispose();
  }
}

/** The generations with a measured contract in force, one per base generation and contract. */
const contracted = new WeakMap<Generation, WeakMap<object, Generation>>();

/**
 * The generation the rules validate fixes by: the API in force (the names the tree defines, when
 * read from it; else the preset), with the tree's measured contract in force when there is one.
 */
function generationFor(options: ReviewOptions): Generation {
  const base = options.api ? surfaceGeneration(options.api) : generationOf(options.target);
  if (!options.contract) return base;
  let byContract = contracted.get(base);
  if (!byContract) contracted.set(base, (byContract = new WeakMap()));
  let gen = byContract.get(options.contract);
  if (!gen) {
    gen = withContract(base, options.contract);
    byContract.set(options.contract, gen);
  }
  return gen;
}

function runRules(rules: readonly Rule[], file: SourceFile, src: SourceAnalysis, review: ReviewContext, onFixes?: (parsed: ParseFacts) => void): Finding[] {
  const options = src.options;
  const isCore = matchesAny(file.path, options.coreFiles);
  const accesses = fieldAccesses(src, review);
  const gen = generationFor(options);
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check({
      src,
      reviewContext: review,
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
  if (onFixes && findings.some((f) => f.fix && f.fix.edits.length > 0)) {
    const functions = src.indexes[0]!.functions.map((n) => ({ start: n.startIndex, end: n.endIndex }));
    onFixes({ text: src.parsedText, syntaxErrors: src.syntaxErrors, functions });
  }
  return findings;
}

/** Loads the C grammar once and returns a synchronous reviewer for a target generation. */
export async function createReviewer(options: ReviewOptions, rules: readonly Rule[] = RULES): Promise<Reviewer> {
  if (!SUPPORTED_TARGETS.includes(options.target)) throw new UnsupportedTargetError(options.target);
  const parser = await loadCParser();
  const maxReviewMillis = options.limits?.maxReviewMillis ?? DEFAULT_LIMITS.maxReviewMillis;
  // The parse of each review that offered a fix, for the pipeline's parse check, while its file object lives.
  const parses = new WeakMap<SourceFile, ParseFacts>();
  return {
    review: (file) => reviewWith(parser, rules, file, options, (parsed) => parses.set(file, parsed)),
    fixCheck: { parser, maxReviewMillis, parsed: (file) => parses.get(file) },
  };
}
export { ReviewLimitError } from '../c/source-analysis.js';
