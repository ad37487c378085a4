import fs from 'node:fs';
import path from 'node:path';
import { run, type Deps } from '../../src/cli/run.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/tree.js';

/**
 * `check --tree DIR --target auto`: the API is the tree's headers with the series applied, in
 * order. A tree and series written for this test: a legacy-union base whose first patch defines the
 * v5.11 word and its readers, and whose second patch calls them.
 */
const real: Deps = { createReviewer };
const HEADER_BASE = '#ifndef _LINUX_MEMCONTROL_H\n#define _LINUX_MEMCONTROL_H\n\nstruct mem_cgroup;\n\n#endif\n';
const MM_TYPES = 'struct page {\n\tunion {\n\t\tstruct mem_cgroup *mem_cgroup;\n\t\tstruct obj_cgroup **obj_cgroups;\n\t};\n};\n';
const USER_BASE = '#include <linux/memcontrol.h>\n\nvoid pool_account(struct page *page)\n{\n\tcount(page);\n}\n';

const PATCH1 = `From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001
From: A <a@example.org>
Subject: [PATCH 1/2] mm: memcontrol: the tagged word and its readers

---
diff --git a/include/linux/memcontrol.h b/include/linux/memcontrol.h
--- a/include/linux/memcontrol.h
+++ b/include/linux/memcontrol.h
@@ -3,4 +3,12 @@
 
 struct mem_cgroup;
 
+enum page_memcg_data_flags {
+	MEMCG_DATA_OBJCGS = (1UL << 0),
+	MEMCG_DATA_KMEM = (1UL << 1),
+};
+
+struct mem_cgroup *page_memcg_check(struct page *page);
+bool PageMemcgKmem(struct page *page);
+
 #endif
-- 
2.30.0

`;
const PATCH2 = `From 2222222222222222222222222222222222222222 Mon Sep 17 00:00:00 2001
From: A <a@example.org>
Subject: [PATCH 2/2] drivers/pool: use the readers

---
diff --git a/drivers/pool.c b/drivers/pool.c
--- a/drivers/pool.c
+++ b/drivers/pool.c
@@ -3,4 +3,6 @@
 void pool_account(struct page *page)
 {
 	count(page);
+	if (PageMemcgKmem(page))
+		use(page_memcg_check(page));
 }
-- 
2.30.0

`;

let work: string;
beforeEach(() => {
  work = tempDir('memcg-auto-');
  const put = (p: string, t: string) => {
    fs.mkdirSync(path.dirname(path.join(work, 'tree', p)), { recursive: true });
    fs.writeFileSync(path.join(work, 'tree', p), t);
  };
  put('include/linux/memcontrol.h', HEADER_BASE);
  put('include/linux/mm_types.h', MM_TYPES);
  put('drivers/pool.c', USER_BASE);
  fs.writeFileSync(path.join(work, 'series.mbox'), PATCH1 + PATCH2);
  fs.writeFileSync(path.join(work, 'only2.patch'), PATCH2);
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const io = memoryIo(work, null);
  const code = await run(argv, io, real);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test('the series defines the readers it calls: the API in force is v5.11, no helper-availability error', async () => {
  const r = await cli(['check', '--tree', 'tree', '--target', 'auto', '--format', 'json', 'series.mbox']);
  expect(r.err).toBe('');
  const report = JSON.parse(r.out);
  expect(report.target).toBe('v5.11');
  expect(report.findings).toEqual([]);
  expect(r.code).toBe(0);
});

test('without the patch that defines them, the base tree is the legacy union: the readers do not exist', async () => {
  const r = await cli(['check', '--tree', 'tree', '--target', 'auto', '--format', 'json', 'only2.patch']);
  const report = JSON.parse(r.out);
  expect(report.target).toBe('legacy');
  expect(report.findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message.split(' (')[0]}`)).toEqual([
    "helper-availability: PageMemcgKmem() does not exist in the tree's API",
    "helper-availability: page_memcg_check() does not exist in the tree's API",
  ]);
  expect(r.code).toBe(1);
});
