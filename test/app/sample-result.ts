import type { Finding } from '../../src/types.js';
import type { ReviewResult } from '../../src/review/result.js';
import { sourceKey } from '../../src/review/result.js';
import { LineIndex } from '../../src/text/line-index.js';

/** A kernel-like file written for these tests. */
export const SOURCE = [
  'static struct mem_cgroup *gpu_page_owner(struct page *page)', // 1
  '{', // 2
  '\tstruct mem_cgroup *memcg;', // 3
  '', // 4
  '\tmemcg = page->mem_cgroup;', // 5
  '\tif (memcg && (unsigned long)memcg & 0x1UL)', // 6
  '\t\tmemcg = NULL;', // 7
  '\treturn memcg;', // 8
  '}', // 9
  '',
].join('\n');

export const FILE = 'drivers/gpu/pool_owner.c';

/** A finding on `needle` in SOURCE, with a fix replacing `fixFrom` (default: the needle) by `fixTo`. */
export function findingAt(needle: string, opts: { ruleId?: string; severity?: Finding['severity']; fixTo?: string; fixFrom?: string; verdict?: 'proven' | 'assumed' | 'conditional'; patch?: number } = {}): Finding {
  const start = SOURCE.indexOf(needle);
  if (start < 0) throw new Error(`not in SOURCE: ${needle}`);
  const end = start + needle.length;
  const idx = new LineIndex(SOURCE);
  const f: Finding = {
    ruleId: opts.ruleId ?? 'memcg-field-read',
    severity: opts.severity ?? 'error',
    file: FILE,
    message: `open-coded ${needle}`,
    confidence: 'high',
    start,
    end,
    ...idx.span(start, end),
  };
  if (opts.fixTo !== undefined) {
    const from = opts.fixFrom ?? needle;
    const s = SOURCE.indexOf(from);
    f.fix = { edits: [{ start: s, end: s + from.length, text: opts.fixTo }], verdict: opts.verdict ?? 'proven', explanation: 'the model says so' };
  }
  if (opts.patch !== undefined) f.patch = { index: opts.patch, subject: `patch ${opts.patch}` };
  return f;
}

export function resultWith(findings: Finding[]): ReviewResult {
  const sources = new Map<string, string>();
  for (const f of findings) sources.set(sourceKey(f.file, f.patch?.index), SOURCE);
  return {
    target: 'v5.11',
    findings,
    notes: [],
    errors: [],
    linesChecked: 9,
    sources,
    patches: [
      { index: 1, total: 2, subject: 'patch 1', source: 'a'.repeat(40) },
      { index: 2, total: 2, subject: 'patch 2', source: 'b'.repeat(40) },
    ],
  };
}

/** Every line of SOURCE in one hunk. */
export function allCommentable(): Map<number, number> {
  return new Map(SOURCE.split('\n').map((_, i) => [i + 1, 0]));
}
