import { replacePatchTexts } from '../../src/fix/replace-patch-texts.js';

describe('replacePatchTexts', () => {
  const mbox = 'From 1\nSubject: [PATCH 1/2] a\n\n+one\nFrom 2\nSubject: [PATCH 2/2] b\n\n+two\n';

  it('replaces patch texts found in the input, in any order', () => {
    const changes = [
      { before: 'From 2\nSubject: [PATCH 2/2] b\n\n+two\n', after: 'From 2\nSubject: [PATCH 2/2] b\n\n+TWO\n' },
      { before: 'From 1\nSubject: [PATCH 1/2] a\n\n+one\n', after: 'From 1\nSubject: [PATCH 1/2] a\n\n+ONE\n' },
    ];
    expect(replacePatchTexts(mbox, changes)).toBe(mbox.replace('+one', '+ONE').replace('+two', '+TWO'));
  });

  it('gives CRLF back to an input written with CRLF', () => {
    expect(replacePatchTexts('a\r\n+x\r\n', [{ before: 'a\n+x\n', after: 'a\n+y\n+z\n' }])).toBe('a\r\n+y\r\n+z\r\n');
  });

  it('is null when a patch text is not in the input verbatim or line ends are mixed', () => {
    expect(replacePatchTexts('a\n+x\n', [{ before: 'b\n', after: 'c\n' }])).toBeNull();
    expect(replacePatchTexts('a\r\n+x\n', [{ before: 'a\n+x\n', after: 'y\n' }])).toBeNull();
  });
});
