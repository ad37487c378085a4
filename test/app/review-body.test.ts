import { reviewBody } from '../../src/app/review-body.js';

describe('reviewBody: the words of the review that carries the inline comments', () => {
  const comments = (n: number) => Array.from({ length: n }, () => ({ path: 'mm/a.c', line: 1, side: 'RIGHT' as const, body: '' }));

  it('does not count comments in the code as accesses', () => {
    expect(reviewBody({ comments: comments(8), accesses: 6 })).toMatch(/^memcg-review found 6 open-coded memcg accesses and 2 comments naming a field v5\.11 removed on lines this pull request adds\./);
    expect(reviewBody({ comments: comments(1), accesses: 1 })).toMatch(/^memcg-review found 1 open-coded memcg access on lines/);
    expect(reviewBody({ comments: comments(1), accesses: 0 })).toMatch(/^memcg-review found 1 comment naming a field v5\.11 removed on lines/);
  });
});
