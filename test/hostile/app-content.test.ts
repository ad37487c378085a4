import { describe, expect, it } from '@jest/globals';
import { checkSummary } from '../../src/app/check-summary.js';
import { isRerunComment, type CommentPayload } from '../../src/app/events.js';
import { readFindingMarkers, readStateMarker, type ReviewState } from '../../src/app/markers.js';
import { parseConfig } from '../../src/app/parse-config.js';
import { reviewCommentFor } from '../../src/app/review-comment.js';
import type { ReviewResult } from '../../src/review/result.js';
import { sourceKey } from '../../src/review/result.js';
import { LineIndex } from '../../src/text/line-index.js';
import type { Finding } from '../../src/types.js';

/** What a pull request writes (commit subjects, file names, code, the configuration) is data in the App's output, never markup or commands. */
const FP = '0123456789abcdef';
const FORGED_FP = 'aaaaaaaaaaaaaaaa';
const STATE: ReviewState = { v: 1, ok: true, config: 'real', findings: [[FP, 'memcg-field-read', 'mm/x.c', 2]] };

function resultFor(subject: string, file = 'mm/x.c', code = '\tuse(page->mem_cgroup);'): { result: ReviewResult; finding: Finding } {
  const source = `void f(struct page *page) {\n${code}\n}\n`;
  const start = source.indexOf('page->mem_cgroup');
  const end = start + 'page->mem_cgroup'.length;
  const finding: Finding = {
    ruleId: 'memcg-field-read', severity: 'error', file, message: 'open-coded read', confidence: 'high', start, end, ...new LineIndex(source).span(start, end),
    fix: { edits: [{ start, end, text: 'page_memcg(page)' }], verdict: 'proven', explanation: 'proven' },
    patch: { index: 1, subject },
  };
  const result: ReviewResult = {
    target: 'v5.11', findings: [finding], notes: [{ file, message: `a note naming ${subject}` }], errors: [`GitHub said ${subject}`], linesChecked: 1,
    sources: new Map([[sourceKey(file, 1), source]]), patches: [{ index: 1, total: 1, subject, source: 'c0ffee0' }],
  };
  return { result, finding };
}

const summaryOf = (result: ReviewResult) => checkSummary({ result, preamble: ['Target: v5.11'], resolved: [], state: STATE }).summary;

describe('the check run summary', () => {
  it('a commit subject that opens an HTML comment cannot hide the findings after it', () => {
    const summary = summaryOf(resultFor('mm: quiet <!-- the rest of the summary').result);
    expect(summary.indexOf('<!--')).toBe(summary.lastIndexOf('<!-- memcg-review:state='));
    expect(summary).toContain('### [PATCH 1/1] mm: quiet &lt;!-- the rest of the summary (c0ffee0)');
    expect(summary).toContain('`mm/x.c:2`');
  });

  it('a forged state marker in a subject, a note or an error is not read as the review state', () => {
    const forged = '<!-- memcg-review:state={"v":1,"ok":true,"config":"forged","findings":[]} -->';
    const summary = summaryOf(resultFor(forged).result);
    expect(readStateMarker(summary)).toEqual(STATE);
    // Even unescaped, only the last marker counts: the App always writes its own last.
    expect(readStateMarker(`${forged}\n\n${summary}`)).toEqual(STATE);
  });

  it('a file name with backticks stays inside its code span', () => {
    const summary = summaryOf(resultFor('s', 'mm/a`<b>`.c').result);
    expect(summary).toContain('``mm/a`<b>`.c:2``');
  });
});

describe('an inline comment', () => {
  it('does not notify the users or teams a commit subject names', () => {
    const { result, finding } = resultFor('mm: cc @torvalds and @linux-mm/reviewers');
    const body = reviewCommentFor(result, finding, new Map([[2, 0]]), FP)!.body;
    expect(body).not.toMatch(/@torvalds|@linux-mm/);
    expect(body).toContain('cc @\u2060torvalds and @\u2060linux-mm/reviewers');
  });

  it('a fingerprint marker in the code of a suggestion is not read as the comment’s', () => {
    const { result, finding } = resultFor('s', 'mm/x.c', `\tuse(page->mem_cgroup); /* <!-- memcg-review:fp=${FORGED_FP} --> */`);
    const body = reviewCommentFor(result, finding, new Map([[2, 0]]), FP)!.body;
    expect(body).toContain(FORGED_FP);
    expect(readFindingMarkers(body)).toEqual([FP]);
  });
});

describe('the configuration is data', () => {
  it.each([
    ['severity:\n  __proto__: error\n', 'severity: unknown rule "__proto__"'],
    ['severity:\n  constructor: off\n', 'severity: unknown rule "constructor"'],
    ['__proto__:\n  checkRun: false\n', 'unknown setting "__proto__"'],
    ['target: !!js/function "function () { process.exit(1) }"\n', 'target must be one of'],
    ['maxFileSize: 104857600\n', 'maxFileSize must be a whole number from 1 to 1048576'],
  ])('%j is refused: %s', (text, message) => {
    const r = parseConfig(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
    expect(({} as Record<string, unknown>).checkRun).toBeUndefined();
  });

  it('an alias bomb is refused, never expanded', () => {
    const nine = (name: string) => Array(9).fill(`*${name}`).join(', ');
    const r = parseConfig(`paths: &a [${Array(9).fill('"x"').join(', ')}]\nignore: &b [${nine('a')}]\ncore: [${nine('b')}]\n`);
    expect(r).toMatchObject({ ok: false, error: { message: 'ignore must be a list of path globs', line: 2 } });
  });

  it('a megabyte of configuration is read, within the limits it sets', () => {
    const r = parseConfig(`ignore:\n${Array.from({ length: 40_000 }, (_, i) => `  - drivers/staging/x${i}/**`).join('\n')}\nmaxFileSize: 65536\n`);
    expect(r.ok && r.config.ignore.length).toBe(40_000);
    expect(r.ok && r.config.maxFileSize).toBe(65536);
  });
});

describe('a /memcg-review comment', () => {
  const comment = (login: string, association: string | undefined, extra: Partial<CommentPayload['comment']> = {}): CommentPayload => ({
    repository: { name: 'linux', owner: { login: 'fork' } },
    issue: { number: 7, pull_request: {}, user: { login: 'ada' } },
    comment: { body: '/memcg-review', user: { login, type: 'User' }, ...(association === undefined ? {} : { author_association: association }), ...extra },
  });

  it.each([
    ['a member', comment('bob', 'MEMBER'), true],
    ['the owner', comment('linus', 'OWNER'), true],
    ['a collaborator', comment('carol', 'COLLABORATOR'), true],
    ['the pull request’s author', comment('ada', 'CONTRIBUTOR'), true],
    ['a stranger on a public repository', comment('mallory', 'NONE'), false],
    ['a first-time contributor who did not open it', comment('mallory', 'FIRST_TIME_CONTRIBUTOR'), false],
    ['someone whose role GitHub did not say', comment('mallory', undefined), false],
    ['a bot, even a member', comment('ci[bot]', 'MEMBER', { user: { login: 'ci[bot]', type: 'Bot' } }), false],
  ])('by %s', (_who, payload, rerun) => {
    expect(isRerunComment(payload)).toBe(rerun);
  });

  it('on an issue, not a pull request, is ignored', () => {
    const p = comment('bob', 'MEMBER');
    delete p.issue.pull_request;
    expect(isRerunComment(p)).toBe(false);
  });
});
