import { parseArgs } from '../../src/cli/check/args.js';
import { parseRuleList, selectRules } from '../../src/cli/check/rule-selection.js';
import { UserError } from '../../src/cli/shared/user-error.js';
import type { Reviewer } from '../../src/review/reviewer.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';
import { findingAt } from '../helpers/findings.js';

const usage = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('check\'s workflow options', () => {
  it('reads --format checkpatch|b4, checkpatch\'s style flags, --types/--ignore and --git', () => {
    expect(parseArgs(['check', '--format', 'checkpatch', '--terse', '--emacs', '--showfile', '--no-summary', 'a.patch'])).toMatchObject({
      format: 'checkpatch', style: { terse: true, emacs: true, showFile: true, summary: false }, files: ['a.patch'],
    });
    expect(parseArgs(['check', '--format=b4'])).toMatchObject({ format: 'b4' });
    expect(parseArgs(['check', '--types', 'MEMCG_FIELD_READ,tag-trick', '--types=memcg-field-read', '--ignore', 'Stale_Comment'])).toMatchObject({
      types: ['memcg-field-read', 'tag-trick'], ignore: ['stale-comment'],
    });
    expect(parseArgs(['check', '--git', 'HEAD~3..HEAD', '--diff'])).toMatchObject({ git: 'HEAD~3..HEAD', mode: 'diff', files: [] });
    expect(parseArgs(['check', 'a.patch'])).not.toHaveProperty('style');
  });

  it('refuses what means nothing, in one line', () => {
    expect(usage(['check', '--terse', 'a.patch'])).toBe('--terse needs --format checkpatch');
    expect(usage(['check', '--format', 'json', '--emacs', '--no-summary'])).toBe('--emacs, --no-summary need --format checkpatch');
    expect(usage(['check', '--types', 'memcg-field-reed'])).toBe(`unknown rule 'memcg-field-reed' for --types (one of: ${RULES.map((r) => r.meta.id).join(', ')})`);
    expect(usage(['check', '--ignore', ','])).toBe("option '--ignore' needs a value");
    expect(usage(['check', '--format', 'sarif'])).toBe("bad value 'sarif' for --format (one of: text, json, checkpatch, b4)");
    expect(usage(['check', '--git'])).toBe("option '--git' needs a value");
  });
});

describe('selectRules', () => {
  const text = 'void f(struct page *page)\n{\n\tx = page->mem_cgroup;\n}\n';
  const of = (ruleId: string): Finding => ({ ...findingAt(text, 'page->mem_cgroup'), ruleId });
  const reviewer: Reviewer = { review: () => [of('memcg-field-read'), of('stale-comment'), of('tag-trick')] };
  const ids = (r: Reviewer) => r.review({ path: 'mm/x.c', text }).map((f) => f.ruleId);

  it('keeps only --types, drops --ignore, and leaves the reviewer alone without either', () => {
    expect(ids(selectRules(reviewer, { types: ['tag-trick', 'stale-comment'] }))).toEqual(['stale-comment', 'tag-trick']);
    expect(ids(selectRules(reviewer, { ignore: ['stale-comment'] }))).toEqual(['memcg-field-read', 'tag-trick']);
    expect(ids(selectRules(reviewer, { types: ['tag-trick', 'stale-comment'], ignore: ['tag-trick'] }))).toEqual(['stale-comment']);
    expect(selectRules(reviewer, {})).toBe(reviewer);
  });

  it('knows rule ids by either spelling', () => {
    expect(parseRuleList('--types', 'a-b, C_D', ['a-b', 'c-d', 'e'])).toEqual(['a-b', 'c-d']);
  });
});
