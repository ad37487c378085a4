import type { Point, Range } from './parser.js';

/**
 * Function bodies the review never enters, left out of the parse. The reviewer walks only the
 * functions whose text is relevant (node-index.ts); the others it needs only by their heads (the
 * file's scope: names, return types, parameters). Their bodies are most of a large file, and
 * parsing them is most of the audit's time. The parse skips them (tree-sitter's included ranges:
 * `rangesAround`), which gives the tree of the file with those bodies blanked (`blank`: every
 * character but line breaks a space): every offset, line and column as in the file, `{ }` where a
 * body was, and the same tree outside those bodies, only faster.
 *
 * A body is blanked only when a plain scan is sure of it: a `{` at file level right after a `)`
 * (a function's head, attributes and macros like `SYSCALL_DEFINE2(...)` included) and its matching
 * `}`, holding no relevant token. Its preprocessor conditionals (`#if`/`#ifdef`/`#ifndef` to
 * `#endif`, opened and closed inside it) must leave the braces as they found them in every branch,
 * so that whichever branches a build takes (tree-sitter reads them all) the body ends at that `}`;
 * a conditional that opens or closes outside the body, or a branch that leaves a brace open,
 * keeps the body. Comments, strings and character literals are skipped; when the scan meets
 * anything it cannot follow (an open comment or string, unbalanced braces), nothing is blanked.
 * The caller still checks the parse: every blanked span must come back as the body of a function
 * definition.
 */

/** Spans [start, end) strictly inside the braces of the bodies to blank, in order. */
export function blankableBodies(text: string, relevant: RegExp): [number, number][] {
  const n = text.length;
  const blocks: [number, number][] = [];
  // The scan jumps from one character that matters to the next (most of a file is neither a
  // brace, a quote, a slash nor a '#'): the regular expression engine skips the rest natively.
  const next = /[#/"'{}]/g;
  let i = 0;
  let depth = 0;
  let open = -1;
  // The body's open conditionals: the brace depth each began at. `unsure`: the body is kept.
  const conditionals: number[] = [];
  let unsure = false;
  // The last character that is neither blank nor in a comment (a char code; 0 for none yet).
  let last = 0;
  while (i < n) {
    next.lastIndex = i;
    const found = next.exec(text);
    const at = found ? found.index : n;
    for (let k = at - 1; k >= i; k--) {
      if (!isBlank(text.charCodeAt(k))) {
        last = text.charCodeAt(k);
        break;
      }
    }
    if (!found) break;
    i = at;
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ && atLineStart(text, i)) {
      if (depth > 0 && !unsure) unsure = !followConditional(conditionalKind(text, i), depth, conditionals);
      const end = directiveEnd(text, i);
      if (end < 0) return [];
      i = end;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return [];
      i = end + 2;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      i = lineCommentEnd(text, i);
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const end = quotedEnd(text, i);
      if (end < 0) return [];
      i = end;
      last = 34;
      continue;
    }
    if (c === 123 /* { */) {
      if (depth === 0) {
        open = last === 41 /* ) */ ? i : -1;
        unsure = false;
        conditionals.length = 0;
      }
      depth++;
    } else if (c === 125 /* } */) {
      if (depth === 0) return [];
      depth--;
      // A branch that closes a brace it did not open.
      if (conditionals.length > 0 && depth < conditionals[conditionals.length - 1]!) unsure = true;
      if (depth === 0 && open >= 0 && !unsure && conditionals.length === 0 && i > open + 1) blocks.push([open + 1, i]);
    }
    last = c;
    i++;
  }
  if (depth !== 0) return [];
  const flags = relevant.flags.replace(/[gy]/g, '');
  const test = new RegExp(relevant.source, flags);
  return blocks.filter(([s, e]) => !test.test(text.slice(s, e)));
}

/** Space, tab, line break, CR, form feed, vertical tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** Whether only blanks other than a line break stand between the line's start and `i`. */
function atLineStart(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (!isBlank(c)) return false;
  }
  return true;
}

/** `text` with every character of `spans` but line breaks turned into a space. */
export function blank(text: string, spans: readonly [number, number][]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    parts.push(text.slice(at, s));
    const body = text.slice(s, e);
    if (body.includes('\r')) parts.push(body.replace(/[^\n\r]/g, ' '));
    else {
      // Runs of spaces between the line breaks: no per-character replacement.
      let from = 0;
      for (let nl = body.indexOf('\n'); nl !== -1; nl = body.indexOf('\n', from)) {
        parts.push(' '.repeat(nl - from), '\n');
        from = nl + 1;
      }
      parts.push(' '.repeat(body.length - from));
    }
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The stretches of a text of `length` around `spans`, as tree-sitter's included ranges (offsets in
 * UTF-16 code units, as web-tree-sitter counts them; rows and columns from `position`).
 */
export function rangesAround(spans: readonly [number, number][], length: number, position: (offset: number) => Point): Range[] {
  const ranges: Range[] = [];
  let at = 0;
  for (const [s, e] of [...spans, [length, length] as [number, number]]) {
    ranges.push({ startIndex: at, endIndex: s, startPosition: position(at), endPosition: position(s) });
    at = e;
  }
  return ranges;
}

type Conditional = 'open' | 'branch' | 'close' | null;

/** What the preprocessor line at `i` (its '#') does to conditionals: opens one, starts a branch, closes one, or none of these. */
function conditionalKind(text: string, i: number): Conditional {
  let k = i + 1;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  let end = k;
  while (end < text.length && /[a-z]/.test(text[end]!)) end++;
  const word = text.slice(k, end);
  if (word === 'if' || word === 'ifdef' || word === 'ifndef') return 'open';
  if (word === 'else' || word === 'elif' || word === 'elifdef' || word === 'elifndef') return 'branch';
  if (word === 'endif') return 'close';
  return null;
}

/**
 * Follows a conditional line met at brace `depth` inside a body: false when the body can no
 * longer be blanked (a branch or an end with braces left open, or one of a conditional opened
 * outside the body).
 */
function followConditional(kind: Conditional, depth: number, conditionals: number[]): boolean {
  if (kind === null) return true;
  if (kind === 'open') {
    conditionals.push(depth);
    return true;
  }
  const began = conditionals[conditionals.length - 1];
  if (began === undefined || began !== depth) return false;
  if (kind === 'close') conditionals.pop();
  return true;
}

/** Past a preprocessor line at `i`: its continuations and block comments included; -1 for an open comment. */
function directiveEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return i;
    if (c === 92 /* \ */) {
      // A backslash before the line break continues the directive (CR LF too).
      if (text.charCodeAt(i + 1) === 10) i += 2;
      else if (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) i += 3;
      else i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    i++;
  }
  return n;
}

/** Past a `//` comment at `i` (to its line break; a backslash before it continues the comment). */
function lineCommentEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && text.charCodeAt(i) !== 10) i += text.charCodeAt(i) === 92 ? 2 : 1;
  return Math.min(i, n);
}

/** Past a string or character literal at `i`; -1 when it runs to a line break or the end. */
function quotedEnd(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  const n = text.length;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === 92) i++;
    else if (c === 10) return -1;
  }
  return -1;
}
