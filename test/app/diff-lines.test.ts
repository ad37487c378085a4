import { describe, expect, it } from '@jest/globals';
import { diffLines } from '../../src/app/diff-lines.js';

describe('diffLines', () => {
  it('numbers added and context lines on the new side, per hunk', () => {
    const patch = [
      '@@ -1,3 +1,4 @@ static int f(struct page *page)',
      ' a',
      '-b',
      '+B',
      '+B2',
      ' c',
      '@@ -10,2 +11,3 @@',
      ' x',
      '+y',
      ' z',
      '\\ No newline at end of file',
    ].join('\n');
    const d = diffLines(patch);
    expect([...d.added]).toEqual([[2, 'B'], [3, 'B2'], [12, 'y']]);
    expect([...d.commentable]).toEqual([[1, 0], [2, 0], [3, 0], [4, 0], [11, 1], [12, 1], [13, 1]]);
  });

  it('reads a new file (one hunk from line 1) and a hunk without counts', () => {
    expect([...diffLines('@@ -0,0 +1,2 @@\n+one\n+two').added.keys()]).toEqual([1, 2]);
    expect([...diffLines('@@ -3 +3 @@\n-old\n+new').added]).toEqual([[3, 'new']]);
  });

  it('ignores text before the first hunk and an empty patch', () => {
    expect(diffLines('').added.size).toBe(0);
    expect(diffLines('+not in a hunk\n').added.size).toBe(0);
  });
});
