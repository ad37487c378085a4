import { createReviewer, ReviewLimitError } from '../../src/review/reviewer.js';
import { reviewSources } from '../../src/review/review-series.js';
import { reviewOne } from '../../src/review/review-one.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';

const FILE = { path: 'mm/lru.c', text: 'void lru_note(struct page *page)\n{\n\tuse(page->mem_cgroup);\n}\n' };

describe('review limits', () => {
  it('a file over the size limit is not reviewed, and says so', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 20, maxParseMillis: 10_000 } });
    expect(() => reviewer.review(FILE)).toThrow(`mm/lru.c: not reviewed: ${FILE.text.length} characters, over the limit of 20`);
  });

  it('a parse past its time limit is cancelled', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: -1 } });
    const big = { path: 'mm/big.c', text: FILE.text.repeat(2000) };
    expect(() => reviewer.review(big)).toThrow('mm/big.c: not reviewed: parsing took longer than -1 ms');
  });

  it('a file over a limit is a note of the result, not an error', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 20, maxParseMillis: 10_000 } });
    const result = reviewSources(reviewer, [FILE], { target: 'v5.11' });
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([{ file: 'mm/lru.c', message: `not reviewed: ${FILE.text.length} characters, over the limit of 20` }]);
  });

  it('within the default limits the file is reviewed', async () => {
    const reviewer = await createReviewer(DEFAULT_OPTIONS);
    expect(reviewer.review(FILE).map((f) => f.ruleId)).toEqual(['memcg-field-read']);
  });
});

describe('after a cancelled parse', () => {
  it('the next file is parsed from its own start', async () => {
    const slow = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: -1 } });
    expect(() => slow.review({ path: 'mm/big.c', text: FILE.text.repeat(2000) })).toThrow(ReviewLimitError);
    const reviewer = await createReviewer(DEFAULT_OPTIONS);
    const found = reviewer.review(FILE);
    expect(found.map((f) => [f.line, f.column])).toEqual([[3, 6]]);
  });
});

describe('the review deadline', () => {
  it('a review past its time limit is a limit, not a hang', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: 10_000, maxReviewMillis: -1 } });
    expect(() => reviewer.review(FILE)).toThrow('mm/lru.c: not reviewed: the review took longer than -1 ms');
  });
});

describe('reviewOne: limits as data', () => {
  it('gives the limit a file stopped at as { kind, path, limit }, and the note text built from it', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 20, maxParseMillis: 10_000 } });
    expect(reviewOne(reviewer, FILE)).toEqual({
      findings: [],
      limit: { kind: 'size', path: 'mm/lru.c', limit: 20, actual: FILE.text.length },
      note: `not reviewed: ${FILE.text.length} characters, over the limit of 20`,
    });
    const slow = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: -1 } });
    expect(reviewOne(slow, { path: 'mm/big.c', text: FILE.text.repeat(2000) })).toMatchObject({ limit: { kind: 'parse-time', path: 'mm/big.c', limit: -1 } });
  });

  it('a path that looks like a message does not change the note (nothing is taken apart)', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 20, maxParseMillis: 10_000 } });
    const odd = { path: 'not reviewed: x.c', text: FILE.text };
    expect(reviewOne(reviewer, odd)).toMatchObject({ note: `not reviewed: ${FILE.text.length} characters, over the limit of 20` });
  });

  it('any other failure is an error naming the file, its first line only when asked', () => {
    const crash = { review: () => { throw new Error('boom\nsecond'); } };
    expect(reviewOne(crash, FILE)).toEqual({ findings: [], error: 'mm/lru.c: review failed: boom\nsecond' });
    expect(reviewOne(crash, FILE, true)).toEqual({ findings: [], error: 'mm/lru.c: review failed: boom' });
  });
});

describe('the limits of a hunk-built image apply to the whole image, not to each hunk', () => {
  it('its size, and the time since its review started', async () => {
    const reviewer = await createReviewer({ ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: 10_000, maxReviewMillis: 60_000 } });
    const island = { ...FILE, imageLength: 2 << 20 };
    expect(() => reviewer.review(island)).toThrow(`mm/lru.c: not reviewed: ${2 << 20} characters, over the limit of ${1 << 20}`);
    expect(() => reviewer.review({ ...FILE, since: Date.now() - 61_000 })).toThrow('mm/lru.c: not reviewed: the review took longer than 60000 ms');
    expect(reviewer.review({ ...FILE, imageLength: 100, since: Date.now() })).toHaveLength(1);
  });
});
