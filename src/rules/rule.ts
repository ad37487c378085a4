import type { FieldAccess } from '../c/field-access.js';
import type { ReviewContext } from '../c/review-context.js';
import type { SourceAnalysis } from '../c/source-analysis.js';
import type { Generation } from '../model/generation.js';
import { withGuessedReceiver } from '../model/validate.js';
import type { Confidence, Fix, Severity } from '../types.js';

/** What a rule is: ESLint-style metadata plus a check over one parsed source. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** A paragraph for the rule's documentation: what goes wrong at run time and what replaces it. */
  docs: string;
  fixable: boolean;
}

export interface Problem {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's severity for this problem. */
  severity?: Severity;
  confidence?: Confidence;
  /** The receiver's type was guessed from this name. */
  guessedFrom?: string;
  fix?: Fix;
}

export interface RuleContext {
  src: SourceAnalysis;
  /** The review in progress: parents of the nodes, per-node memo, deadline. */
  reviewContext: ReviewContext;
  /** The target generation's model: its helpers, how it spells each intent, how it stores. */
  gen: Generation;
  /** Every memcg field access in the file, computed once for all rules. */
  accesses: FieldAccess[];
  /** The file belongs to the memcg core, which may write the word. */
  isCore: boolean;
  report(problem: Problem): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** A problem located at an access, carrying its confidence. */
export function atAccess(a: FieldAccess, message: string, fix?: Fix): Problem {
  return {
    start: a.node.startIndex,
    end: a.node.endIndex,
    message,
    confidence: a.type.confidence,
    ...(a.type.guess ? { guessedFrom: a.type.guess } : {}),
    ...(a.kind === 'unknown' ? { severity: 'warning' as const } : {}),
    ...(fix ? { fix: a.type.guess ? withGuessedReceiver(fix, a.type.guess) : fix } : {}),
  };
}

/**
 * A receiver whose type is not in view and whose name says nothing of a page: a macro parameter
 * (`#define scanning_global_lru(sc) (!(sc)->mem_cgroup)`) or a variable of a struct declared
 * elsewhere (struct scan_control has a mem_cgroup of its own). Not a page->mem_cgroup error.
 */
export function untypedReceiver(a: FieldAccess): boolean {
  return a.kind === 'unknown' && !a.type.guess;
}

/** At most a note, without a fix: nothing shows the receiver is a struct page. */
export function untypedNote(a: FieldAccess): Problem {
  const receiver = a.node.childForFieldName('argument')!.text;
  return {
    ...atAccess(a, `${receiver} may not be a struct page (a macro parameter, or a struct not declared here): if it is one, ${a.field} is gone since v5.11 and the page's memcg is read through the helpers`),
    severity: 'info',
  };
}
