/**
 * The API in force for a series is the base tree's headers with the series applied: a v5.11-style
 * series on Debian's linux-source-5.10 whose first patch defines the word's helpers in
 * include/linux/memcontrol.h (written here, after the v5.11 contracts of ../shared/memcg-api.md)
 * and whose second patch is memcg-review's own conversion of real 5.10 files. Read from the base
 * alone the API is the legacy union and the conversion's helpers do not exist; read from the
 * post-image they do. The conversion reversed is still found line by line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixFile } from '../../src/pipeline/fix-file.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { readApiSurface } from '../../src/model/api-surface.js';
import { createReviewer, type Reviewer } from '../../src/review/reviewer.js';
import { parseChecked } from '../../src/pipeline/parse-check.js';
import { reviewPatches } from '../../src/review/review-patches.js';
import { seriesSurface } from '../../src/review/series-surface.js';
import { DEFAULT_CORE_FILES, DEFAULT_OPTIONS, type Finding } from '../../src/types.js';
import type { ApiSurface } from '../../src/model/api-surface.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';

const FILES = ['mm/memcontrol.c', 'mm/page_alloc.c', 'mm/debug.c', 'mm/huge_memory.c', 'mm/page_io.c', 'include/trace/events/writeback.h'];
const HEADER = 'include/linux/memcontrol.h';

/** The v5.11 word and its readers, as patch 1 of the series adds them (written for this test). */
const V511_BLOCK = `
enum page_memcg_data_flags {
	MEMCG_DATA_OBJCGS = (1UL << 0),
	MEMCG_DATA_KMEM = (1UL << 1),
	__NR_MEMCG_DATA_FLAGS  = (1UL << 2),
};

#define MEMCG_DATA_FLAGS_MASK (__NR_MEMCG_DATA_FLAGS - 1)

static inline struct mem_cgroup *page_memcg_check(struct page *page)
{
	unsigned long memcg_data = READ_ONCE(page->memcg_data);

	if (memcg_data & MEMCG_DATA_OBJCGS)
		return NULL;
	return (struct mem_cgroup *)(memcg_data & ~MEMCG_DATA_FLAGS_MASK);
}

static inline bool PageMemcgKmem(struct page *page)
{
	VM_BUG_ON_PAGE(page->memcg_data & MEMCG_DATA_OBJCGS, page);
	return page->memcg_data & MEMCG_DATA_KMEM;
}

static inline struct obj_cgroup **page_objcgs(struct page *page)
{
	return (struct obj_cgroup **)(READ_ONCE(page->memcg_data) & ~MEMCG_DATA_FLAGS_MASK);
}

static inline struct obj_cgroup **page_objcgs_check(struct page *page)
{
	unsigned long memcg_data = READ_ONCE(page->memcg_data);

	if (!memcg_data || !(memcg_data & MEMCG_DATA_OBJCGS))
		return NULL;
	return (struct obj_cgroup **)(memcg_data & ~MEMCG_DATA_FLAGS_MASK);
}

static inline bool set_page_objcgs(struct page *page, struct obj_cgroup **objcgs)
{
	return !cmpxchg(&page->memcg_data, 0, (unsigned long)objcgs | MEMCG_DATA_OBJCGS);
}
`;

let tree = '';
let legacyReviewer: Reviewer;
const original = new Map<string, string>();
const fixed = new Map<string, string>();
let headerPatch = '';
let conversion = '';
let api: ApiSurface;

const read = (p: string) => {
  try {
    return fs.readFileSync(path.join(tree, p), 'utf8');
  } catch {
    return null;
  }
};

beforeAll(async () => {
  tree = fetchLinuxSource('5.10');
  legacyReviewer = parseChecked(await createReviewer(DEFAULT_OPTIONS));
  for (const file of FILES) {
    const text = read(file)!;
    original.set(file, text);
    const review = (t: string) => legacyReviewer.review({ path: file, text: t });
    fixed.set(file, fixFile(text, review(text), review).text);
  }
  const header = read(HEADER)!;
  const at = header.indexOf('#include <linux/writeback.h>\n') + '#include <linux/writeback.h>\n'.length;
  headerPatch = unifiedDiff(HEADER, header, header.slice(0, at) + V511_BLOCK + header.slice(at));
  conversion = FILES.map((f) => unifiedDiff(f, original.get(f)!, fixed.get(f)!)).join('');
  api = seriesSurface([{ source: '0001-memcontrol.patch', text: headerPatch }, { source: '0002-conversion.patch', text: conversion }], read)!;
}, 300_000);

async function reviewWith(surface: ApiSurface, patches: { source: string; text: string }[], base: (p: string) => string | null): Promise<Finding[]> {
  const reviewer = parseChecked(await createReviewer({ target: surface.preset, api: surface, coreFiles: DEFAULT_CORE_FILES }));
  const { result } = reviewPatches(reviewer, patches, { target: surface.preset }, base);
  expect(result.errors).toEqual([]);
  return result.findings;
}

test('the base alone is the legacy union; with the series applied the API is v5.11 and defines the series\' helpers', () => {
  expect(readApiSurface(read)!.preset).toBe('legacy');
  expect(api.preset).toBe('v5.11');
  for (const h of ['page_memcg_check', 'PageMemcgKmem', 'page_objcgs', 'page_objcgs_check', 'set_page_objcgs', 'page_memcg']) expect(api.functions).toContain(h);
  expect(api.source).toContain('with the series applied (include/linux/memcontrol.h)');
});

test('the series on 5.10, API read from its post-image: no error on a helper the series defines', async () => {
  const findings = await reviewWith(api, [{ source: '0001-memcontrol.patch', text: headerPatch }, { source: '0002-conversion.patch', text: conversion }], read);
  expect(findings.filter((f) => f.ruleId === 'helper-availability').map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
});

test('read from the base tree only, the same conversion calls helpers that do not exist (what the post-image fixes)', async () => {
  const baseOnly = readApiSurface(read)!;
  const findings = await reviewWith(baseOnly, [{ source: '0002-conversion.patch', text: conversion }], read);
  const missing = new Set(findings.filter((f) => f.ruleId === 'helper-availability').map((f) => /^(\w+)\(\)/.exec(f.message)![1]));
  expect([...missing].sort()).toEqual(expect.arrayContaining(['PageMemcgKmem', 'page_memcg_check']));
});

test('the conversion reversed, against the series\' API: the open-coded accesses are all found again', async () => {
  const reversed = FILES.map((f) => unifiedDiff(f, fixed.get(f)!, original.get(f)!)).join('');
  const findings = await reviewWith(api, [{ source: 'reversed.patch', text: reversed }], (p) => fixed.get(p) ?? read(p));
  const v511 = parseChecked(await createReviewer(DEFAULT_OPTIONS));
  const preset = reviewPatches(v511, [{ source: 'reversed.patch', text: reversed }], { target: 'v5.11' }, (p) => fixed.get(p) ?? read(p)).result.findings;
  // The same findings as the v5.11 preset gives, but for calls to helpers this tree still defines
  // (mm/slab.h keeps page_obj_cgroups() here: this series, unlike upstream's, does not remove it).
  const definedHere = (f: Finding) => f.ruleId === 'helper-availability' && api.functions.includes(/^(\w+)\(\)/.exec(f.message)![1]!);
  expect(preset.filter(definedHere).length).toBeGreaterThan(0);
  expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`)).toEqual(preset.filter((f) => !definedHere(f)).map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`));
  expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(20);
});
