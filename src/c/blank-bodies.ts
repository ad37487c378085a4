/**
 * Function bodies the review never enters, blanked before the parse. The reviewer walks only the
 * functions whose text is relevant (node-index.ts); the others it needs only by their heads (the
 * file's scope: names, return types, parameters). Their bodies are most of a large file, and
 * parsing them is most of the audit's time. Blanking a body (every character but line breaks
 * becomes a space) keeps every offset, line and column of the file, and leaves `{ }` for the
 * parser, so the file parses to the same tree outside those bodies, only faster.
 *
 * A body is blanked only when a plain scan is sure of it: a `{` at file level right after a `)`
 * (a function's head, attributes and macros like `SYSCALL_DEFINE2(...)` included) and its matching
 * `}`, holding no relevant token and no preprocessor line (an `#if` half could hold an unmatched
 * brace). Comments, strings and character literals are skipped; when the scan meets anything it
 * cannot follow (an open comment or string, unbalanced braces), nothing is blanked. The caller
 * still checks the parse: every blanked span must come back as the body of a function definition.
 */

/** Spans [start, end) strictly inside the braces of the bodies to blank, in order. */
export function blankableBodies(text: string, relevant: RegExp): [number, number][] {
  const n = text.length;
  const blocks: [number, number][] = [];
  let i = 0;
  let depth = 0;
  let lineStart = true;
  let open = -1;
  let directive = false;
  let last = '';
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (lineStart && c === 35 /* # */) {
      if (depth > 0) directive = true;
      const end = directiveEnd(text, i);
      if (end < 0) return [];
      i = end;
      continue;
    }
    lineStart = false;
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
      last = '"';
      continue;
    }
    if (c === 123 /* { */) {
      if (depth === 0) {
        open = last === ')' ? i : -1;
        directive = false;
      }
      depth++;
    } else if (c === 125 /* } */) {
      if (depth === 0) return [];
      depth--;
      if (depth === 0 && open >= 0 && !directive && i > open + 1) blocks.push([open + 1, i]);
    }
    last = text[i]!;
    i++;
  }
  if (depth !== 0) return [];
  const flags = relevant.flags.replace(/[gy]/g, '');
  const test = new RegExp(relevant.source, flags);
  return blocks.filter(([s, e]) => !test.test(text.slice(s, e)));
}

/** `text` with every character of `spans` but line breaks turned into a space. */
export function blank(text: string, spans: readonly [number, number][]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    parts.push(text.slice(at, s), text.slice(s, e).replace(/[^\n\r]/g, ' '));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
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
