/**
 * The lines to put around a run of a file's lines seen alone (a hunk and its context) so that it
 * parses as C on its own: the braces it closes without opening are opened before it, inside a
 * stand-in function when it starts in a body; the ones it leaves open are closed after it; the
 * same for `#if` halves (`#else`, `#endif` without their `#if`, an `#if` without its `#endif`).
 */
export interface IslandFrame {
  before: string[];
  after: string[];
}

/** The stand-in function's name; it never reaches a finding (its lines are not the file's). */
export const ISLAND_FUNCTION = '__memcg_review_hunk';

const PP_OPEN = /^\s*#\s*(if|ifdef|ifndef)\b/;
const PP_CLOSE = /^\s*#\s*endif\b/;
const PP_MIDDLE = /^\s*#\s*(else|elif|elifdef|elifndef)\b/;

/**
 * `heading` is git's function context of the run's first hunk: when it names a function, the
 * stand-in function is that function (its name and parameters), as in the file.
 */
export function islandFrame(lines: readonly string[], heading = ''): IslandFrame {
  let depth = 0;
  let minDepth = 0;
  let pp = 0;
  let ppMissing = 0;
  // A run that closes a comment before it opens one starts inside that comment.
  let inComment = startsInComment(lines);
  const commentOpened = inComment;
  let continued = false;
  let firstCode: string | null = null;
  for (const line of lines) {
    const directive: boolean = continued || (!inComment && /^\s*#/.test(line));
    continued = directive && line.endsWith('\\');
    if (directive) {
      if (PP_OPEN.test(line)) pp++;
      else if (PP_CLOSE.test(line)) {
        if (pp === 0) ppMissing++;
        else pp--;
      } else if (PP_MIDDLE.test(line) && pp === 0) {
        ppMissing++;
        pp++;
      }
      continue;
    }
    const scan = scanBraces(line, inComment);
    inComment = scan.inComment;
    if (firstCode === null && scan.code) firstCode = line;
    for (const c of scan.braces) {
      depth += c === '{' ? 1 : -1;
      minDepth = Math.min(minDepth, depth);
    }
  }
  const open = -minDepth;
  const inBody = open > 0 || (firstCode !== null && /^\s/.test(firstCode) && !/^\s*\*/.test(firstCode));
  const before: string[] = Array.from({ length: ppMissing }, () => '#if 1');
  // A run that starts with a body's `{` on its own line: the heading is the line above it.
  const bodyFollows = open === 0 && firstCode !== null && /^\{/.test(firstCode);
  // Kernel style indents one tab per block: a run that starts two tabs deep starts two blocks deep
  // (a closing brace sits one tab left of its block's lines).
  const startDepth = indentDepth(firstCode ?? '') + (/^\s*\}/.test(firstCode ?? '') ? 1 : 0);
  const opened = inBody ? Math.max(open, startDepth, 1) : 0;
  if (opened > 0) before.push(`${functionOf(heading)} ${'{ '.repeat(opened).trimEnd()}`);
  else if (bodyFollows) before.push(functionOf(heading));
  if (commentOpened) before.push('/*');
  const close = opened + depth;
  const after: string[] = [];
  if (inComment) after.push('*/');
  // A hunk most often ends inside a body: its open #if is closed there, then its blocks.
  for (let k = 0; k < pp; k++) after.push('#endif');
  if (close > 0) after.push('}'.repeat(close));
  return { before, after };
}

/** A heading's function as a definition's declarator (`static void f(struct page *page)`), or the stand-in. */
export function functionOf(heading: string): string {
  const m = /^\s*([A-Za-z_][\w\s*]*?\b([A-Za-z_]\w*)\s*\()(.*)$/.exec(heading);
  if (!m || /^[A-Z0-9_]+$/.test(m[2]!) || /[;={}]/.test(heading)) return `void ${ISLAND_FUNCTION}(void)`;
  let params = m[3]!;
  let level = 1;
  for (let i = 0; i < params.length; i++) {
    if (params[i] === '(') level++;
    else if (params[i] === ')' && --level === 0) {
      params = params.slice(0, i);
      break;
    }
  }
  if (level !== 0) params = params.replace(/[\s,]*$/, '');
  if (/[()]/.test(params)) return `void ${ISLAND_FUNCTION}(void)`;
  return `${m[1]}${params})`;
}

function indentDepth(line: string): number {
  const indent = /^[\t ]*/.exec(line)![0];
  let columns = 0;
  for (const c of indent) columns = c === '\t' ? columns + 8 - (columns % 8) : columns + 1;
  return Math.min(Math.floor(columns / 8), 32);
}

function startsInComment(lines: readonly string[]): boolean {
  for (const line of lines) {
    const open = line.indexOf('/*');
    const close = line.indexOf('*/');
    if (close !== -1 && (open === -1 || close < open)) return true;
    if (open !== -1) return false;
  }
  return false;
}

/** The braces of one line outside comments, strings and character literals; whether it holds code outside comments. */
function scanBraces(line: string, inComment: boolean): { braces: string[]; inComment: boolean; code: boolean } {
  const braces: string[] = [];
  let code = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inComment) {
      if (c === '*' && line[i + 1] === '/') {
        inComment = false;
        i++;
      }
      continue;
    }
    if (c === '/' && line[i + 1] === '*') {
      inComment = true;
      i++;
      continue;
    }
    if (c === '/' && line[i + 1] === '/') break;
    if (c !== ' ' && c !== '\t') code = true;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === '{' || c === '}') braces.push(c);
  }
  return { braces, inComment, code };
}
