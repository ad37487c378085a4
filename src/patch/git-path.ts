/** Paths as git writes them in diff headers: C-quoted when unusual, with a/ b/ prefixes. */

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Reads a C-quoted string starting at `s[at] === '"'`. Octal escapes are bytes (UTF-8).
 * Returns the value and the index after the closing quote, or null when unterminated.
 */
export function readQuoted(s: string, at = 0): { value: string; end: number } | null {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = at + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') return { value: new TextDecoder().decode(Uint8Array.from(bytes)), end: i + 1 };
    if (c !== '\\') {
      bytes.push(...encoder.encode(c));
      continue;
    }
    const next = s[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(s.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return null;
}

/** A path as written after `---`, `+++`, `rename from`, ...: unquoted, a trailing tab and timestamp dropped. */
export function readHeaderPath(s: string): string {
  const trimmed = s.replace(/^\s+/, '');
  if (trimmed.startsWith('"')) {
    const quoted = readQuoted(trimmed);
    if (quoted) return quoted.value;
  }
  const tab = trimmed.indexOf('\t');
  return (tab === -1 ? trimmed : trimmed.slice(0, tab)).replace(/\s+$/, '');
}

/** The two paths of `diff --git <old> <new>` (prefixes kept); null when they cannot be told apart. */
export function splitGitDiffPaths(rest: string): [string, string] | null {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest);
    if (!first) return null;
    const second = rest.slice(first.end).trimStart();
    return [first.value, readHeaderPath(second)];
  }
  const quotedSecond = rest.indexOf(' "');
  if (quotedSecond !== -1) {
    const second = readQuoted(rest, quotedSecond + 1);
    if (second) return [rest.slice(0, quotedSecond), second.value];
  }
  const equal = equalHalves(rest);
  if (equal !== -1) return [rest.slice(0, equal), rest.slice(equal + 1)];
  const split = rest.indexOf(' b/');
  if (split !== -1) return [rest.slice(0, split), rest.slice(split + 1)];
  return null;
}

/**
 * Without a rename both names of `diff --git` are the same once their first folder (the prefix) is
 * dropped: the space where `rest` splits into such halves, or -1. Linear: each candidate space is
 * compared only when the two halves have the same length, which happens at most twice.
 */
function equalHalves(rest: string): number {
  const firstSlash = rest.indexOf('/');
  let slash = firstSlash; // the first '/' at or after the second half's start, -1 when none
  for (let i = rest.indexOf(' '); i !== -1; i = rest.indexOf(' ', i + 1)) {
    if (slash !== -1 && slash < i + 1) slash = rest.indexOf('/', i + 1);
    const startA = firstSlash > 0 && firstSlash < i ? firstSlash + 1 : 0;
    const startB = slash > i + 1 ? slash + 1 : i + 1;
    if (i - startA === rest.length - startB && rest.slice(startA, i) === rest.slice(startB)) return i;
  }
  return -1;
}

/** Drops git's one-letter prefixes (a/ b/, or the mnemonic i/ w/ c/ o/) when both paths carry one. */
export function stripGitPrefixes(oldPath: string, newPath: string): [string, string] {
  const prefix = /^[a-z]\//;
  if (prefix.test(oldPath) && prefix.test(newPath)) return [oldPath.slice(2), newPath.slice(2)];
  return [oldPath, newPath];
}

/**
 * Paths of a plain `---`/`+++` pair (null for /dev/null). a/ and b/ are stripped; otherwise, like
 * `patch -p1`, a leading directory is stripped when only the leading directories differ
 * (`linux.orig/mm/x.c` vs `linux/mm/x.c`).
 */
export function stripPlainPrefixes(oldPath: string | null, newPath: string | null): [string | null, string | null] {
  const strip = (p: string | null, prefix: string) => (p !== null && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const oldA = oldPath === null || oldPath.startsWith('a/');
  const newB = newPath === null || newPath.startsWith('b/');
  if (oldA && newB) return [strip(oldPath, 'a/'), strip(newPath, 'b/')];
  if (oldPath !== null && newPath !== null) {
    const oldSlash = oldPath.indexOf('/');
    const newSlash = newPath.indexOf('/');
    if (oldSlash > 0 && newSlash > 0 && oldPath.slice(0, oldSlash) !== newPath.slice(0, newSlash)
      && oldPath.slice(oldSlash) === newPath.slice(newSlash)) {
      return [oldPath.slice(oldSlash + 1), newPath.slice(newSlash + 1)];
    }
  }
  return [oldPath, newPath];
}
