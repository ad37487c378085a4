import { loadCParser, type CParser } from '../../src/c/parser.js';
import { countSyntaxErrors } from '../../src/c/source-analysis.js';
import { applyEdits } from '../../src/text/apply-edits.js';
import { reviewWith, type SourceFile } from '../../src/review/reviewer.js';
import { parseChecked } from '../../src/pipeline/parse-check.js';
import type { Rule } from '../../src/rules/rule.js';
import { DEFAULT_LIMITS, DEFAULT_OPTIONS, type Finding, type Severity, type Target, type VerdictName } from '../../src/types.js';

/** ESLint-style RuleTester: valid code yields nothing; invalid code yields exactly these findings and this fixed output. */
export interface ValidCase {
  name?: string;
  code: string;
  path?: string;
  /** The generation to review for (default v5.11). */
  target?: Target;
}

export interface ExpectedFinding {
  message?: string | RegExp;
  line?: number;
  column?: number;
  severity?: Severity;
  confidence?: 'high' | 'low';
  verdict?: VerdictName | null;
}

export interface InvalidCase {
  name?: string;
  code: string;
  path?: string;
  target?: Target;
  errors: ExpectedFinding[];
  /** The code with every offered fix applied; null when no fix is offered. */
  output: string | null;
}

const DEFAULT_PATH = 'drivers/example/example.c';
let parser: CParser;

/** The rule's findings as the pipeline offers them: fixes that would break the parse withdrawn (parse-check). */
function review(rule: Rule, code: string, path: string, target: Target = 'v5.11'): Finding[] {
  const reviewer = { review: (file: SourceFile) => reviewWith(parser, [rule], file, { ...DEFAULT_OPTIONS, target }), fixCheck: { parser, maxReviewMillis: DEFAULT_LIMITS.maxReviewMillis } };
  return parseChecked(reviewer).review({ path, text: code });
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    beforeAll(async () => {
      parser = await loadCParser();
    });

    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name ?? c.code.trim().split('\n').join(' ').slice(0, 90), () => {
          expect(review(rule, c.code, c.path ?? DEFAULT_PATH, c.target)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name ?? c.code.trim().split('\n').join(' ').slice(0, 90), () => {
          const path = c.path ?? DEFAULT_PATH;
          const findings = review(rule, c.code, path, c.target);
          expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toHaveLength(c.errors.length);
          c.errors.forEach((e, i) => {
            const f = findings[i]!;
            if (typeof e.message === 'string') expect(f.message).toBe(e.message);
            else if (e.message) expect(f.message).toMatch(e.message);
            if (e.line !== undefined) expect(f.line).toBe(e.line);
            if (e.column !== undefined) expect(f.column).toBe(e.column);
            expect(f.severity).toBe(e.severity ?? rule.meta.severity);
            if (e.confidence) expect(f.confidence).toBe(e.confidence);
            if (e.verdict !== undefined) expect(f.fix?.verdict ?? null).toBe(e.verdict);
          });
          const edits = findings.flatMap((f) => f.fix?.edits ?? []);
          if (c.output === null) {
            expect(edits).toEqual([]);
            return;
          }
          expect(rule.meta.fixable).toBe(true);
          const output = applyEdits(c.code, edits).text;
          expect(output).toBe(c.output);
          // The fixed code parses no worse and reviews clean for what was fixed.
          expect(countSyntaxErrors(parser.parse(output).rootNode)).toBeLessThanOrEqual(countSyntaxErrors(parser.parse(c.code).rootNode));
          expect(review(rule, output, path, c.target).filter((f) => f.fix)).toEqual([]);
        });
      }
    });
  });
}

/** Indents nothing, trims the leading newline of a template literal: keeps fixtures readable. */
export function c(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw({ raw: strings.raw }, ...values).replace(/^\n/, '');
}
