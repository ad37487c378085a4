import { decodeEncodedWords } from '../../src/patch/encoded-words.js';
import { readHeaders } from '../../src/patch/mail-headers.js';
import { splitMbox } from '../../src/patch/split-mbox.js';
import { parseSubjectPrefix } from '../../src/patch/subject-prefix.js';
import { fixture } from './fixture.js';

describe('splitMbox', () => {
  const mbox = fixture('series.mbox');

  test('splits a format-patch series into its messages with decoded subjects and authors', () => {
    const messages = splitMbox(mbox);
    expect(messages.map((m) => m.rawSubject)).toEqual([
      '[PATCH 0/3] mm: workingset demo memcg helpers',
      '[PATCH 1/3] mm: add a memcg lookup helper for the workingset démo',
      '[PATCH 2/3] mm: read the memcg word directly in the workingset demo eviction path instead of the pointer field',
      '[PATCH 3/3] mm: rename the lookup file',
    ]);
    expect(messages.map((m) => [m.prefix.number, m.prefix.total])).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
    expect(messages.map((m) => m.author)).toEqual(Array(4).fill('Zoë Example <zoe@example.org>'));
    expect(messages.every((m) => m.isMail)).toBe(true);
  });

  test('each message text runs from its From line to the next and the body follows the headers', () => {
    const messages = splitMbox(mbox);
    expect(messages.map((m) => m.text).join('')).toBe(mbox);
    const first = messages[1]!;
    expect(first.text.startsWith('From 59da4ef657e2e493b6226b7db0e4102164b23b2d Mon Sep 17 00:00:00 2001\n')).toBe(true);
    expect(first.text.endsWith('-- \n2.39.5\n\n')).toBe(true);
    expect(first.text.slice(first.bodyStart, first.bodyStart + 42)).toBe('Adds demo_page_memcg() and a lookup file.\n');
  });

  test('CRLF input gives the same messages as LF input', () => {
    const crlf = splitMbox(mbox.replace(/\n/g, '\r\n'));
    const lf = splitMbox(mbox);
    expect(crlf.map((m) => [m.text, m.bodyStart, m.rawSubject])).toEqual(lf.map((m) => [m.text, m.bodyStart, m.rawSubject]));
    expect(crlf[0]!.text.includes('\r')).toBe(false);
  });

  test('a plain diff is one message without headers', () => {
    const diff = fixture('plain-u.diff');
    const messages = splitMbox(diff);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ text: diff, bodyStart: 0, isMail: false, rawSubject: '' });
    expect(messages[0]!.author).toBeUndefined();
  });

  test('generic mbox separators split, a body line starting with "From " does not', () => {
    const text = [
      'From mboxrd@z Thu Jan  1 00:00:00 1970',
      'From: A <a@example.org>',
      'Subject: [RFC PATCH v2 1/2] mm: one',
      '',
      'From the memcg documentation:',
      'Signed-off-by: A <a@example.org>',
      '',
      'From mboxrd@z Thu Jan  1 00:00:00 1970',
      'From: B <b@example.org>',
      'Subject: [RFC PATCH v2 2/2] mm: two',
      '',
      'body',
      '',
    ].join('\n');
    const messages = splitMbox(text);
    expect(messages.map((m) => [m.prefix.subject, m.author, m.prefix.version, m.prefix.rfc])).toEqual([
      ['mm: one', 'A <a@example.org>', 2, true],
      ['mm: two', 'B <b@example.org>', 2, true],
    ]);
    expect(messages[0]!.text.slice(messages[0]!.bodyStart)).toBe('From the memcg documentation:\nSigned-off-by: A <a@example.org>\n\n');
  });

  test('a mail without a From separator line (a saved message) is read from its headers', () => {
    const messages = splitMbox('Subject: [PATCH 2/7] mm: saved\nFrom: C <c@example.org>\n\nbody\n');
    expect(messages.map((m) => [m.prefix.subject, m.prefix.number, m.prefix.total, m.bodyStart])).toEqual([['mm: saved', 2, 7, 56]]);
  });

  test('a quoted-printable body is decoded', () => {
    const text = [
      'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
      'From: D <d@example.org>',
      'Subject: [PATCH] mm: qp',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '+\tmemcg =3D page_memcg(page);',
      '+\tif (a && b && c && d && e && f && g && h && i && j && k && l && m && n && =',
      'o)',
      '',
    ].join('\n');
    const [message] = splitMbox(text);
    expect(message!.text.slice(message!.bodyStart)).toBe(
      '+\tmemcg = page_memcg(page);\n+\tif (a && b && c && d && e && f && g && h && i && j && k && l && m && n && o)\n',
    );
  });

  test('blank input gives no message', () => {
    expect(splitMbox('\n\n  \n')).toEqual([]);
  });
});

describe('parseSubjectPrefix', () => {
  test.each([
    ['[PATCH v2 3/5] mm: use page_memcg()', { subject: 'mm: use page_memcg()', number: 3, total: 5, version: 2, rfc: false }],
    ['[RFC PATCH 1/2] mm: memcg_data', { subject: 'mm: memcg_data', number: 1, total: 2, rfc: true }],
    ['[PATCH 0/4] cover', { subject: 'cover', number: 0, total: 4, rfc: false }],
    ['Re: [PATCH net-next 02/10] net: skb memcg', { subject: 'net: skb memcg', number: 2, total: 10, rfc: false }],
    ['[RFC][PATCH 1/2] mm: two groups', { subject: 'mm: two groups', number: 1, total: 2, rfc: true }],
    ['[PATCH] mm: single', { subject: 'mm: single', rfc: false }],
    ['mm: no prefix [in brackets]', { subject: 'mm: no prefix [in brackets]', rfc: false }],
  ])('%s', (raw, expected) => {
    expect(parseSubjectPrefix(raw)).toEqual(expected);
  });
});

describe('headers and encoded words', () => {
  test('folded headers are unfolded with one space; the body starts after the blank line', () => {
    const text = 'From: E <e@example.org>\nSubject: [PATCH 1/2] mm: a subject\n\tfolded with a tab\n  and spaces\nTo: x\n\nbody';
    const headers = readHeaders(text)!;
    expect(headers.fields.get('subject')).toBe('[PATCH 1/2] mm: a subject folded with a tab and spaces');
    expect(headers.fields.get('to')).toBe('x');
    expect(text.slice(headers.bodyStart)).toBe('body');
  });

  test('text without From or Subject is not a header block', () => {
    expect(readHeaders('Index: mm/memcontrol.c\n=======\n')).toBeNull();
  });

  test('Q and B encoded words decode; whitespace between encoded words is dropped', () => {
    expect(decodeEncodedWords('=?utf-8?q?mm=3A_fix_d=C3=A9mo?= =?UTF-8?B?IHBhZ2VfbWVtY2coKQ==?= done')).toBe('mm: fix démo page_memcg() done');
    expect(decodeEncodedWords('=?iso-8859-1?q?Ren=E9?= <r@example.org>')).toBe('René <r@example.org>');
    expect(decodeEncodedWords('plain text')).toBe('plain text');
  });
});
