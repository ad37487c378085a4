/** Hostile inputs, generated at test time (nothing large is committed). */

const ACCESS = 'use(page->mem_cgroup);';

/** A git diff of one file: `added` lines after one context line. */
export function gitDiff(path: string, added: string[], context = 'void f(struct page *page) {'): string {
  return [
    `diff --git a/${path} b/${path}`,
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -1,1 +1,${1 + added.length} @@`,
    ` ${context}`,
    ...added.map((l) => `+${l}`),
    '',
  ].join('\n');
}

/** A format-patch mail of a series. */
export function mail(n: number, total: number, body: string): string {
  return [
    'From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001',
    'From: A U Thor <author@example.org>',
    `Subject: [PATCH ${n}/${total}] mm: patch ${n}`,
    '',
    'Body.',
    '---',
    body,
    '-- ',
    '2.43.0',
    '',
    '',
  ].join('\n');
}

/** An mbox of `n` patches, each adding one open-coded read to a file of its own. */
export function bigSeries(n: number): string {
  return Array.from({ length: n }, (_, k) => mail(k + 1, n, gitDiff(`mm/f${k + 1}.c`, [`\t${ACCESS}`]))).join('');
}

export const C_FILE = `void f(struct page *page)\n{\n\t${ACCESS}\n}\n`;

/** One line of `bytes` characters holding open-coded reads. */
export function singleLine(bytes: number): string {
  const head = 'void f(struct page *page) { ';
  return head + ACCESS.repeat(Math.floor((bytes - head.length - 2) / ACCESS.length)) + '}\n';
}

/** `depth` nested parentheses around an open-coded read. */
export function nestedParens(depth: number): string {
  return `void f(struct page *page) { x = ${'('.repeat(depth)}page->mem_cgroup${')'.repeat(depth)}; }\n`;
}

/** `n` macros, each reading the field and using the one before. */
export function manyMacros(n: number): string {
  let out = '#define M0(p) 0\n';
  for (let i = 1; i < n; i++) out += `#define M${i}(p) ((p)->mem_cgroup + M${i - 1}(p))\n`;
  return out;
}
