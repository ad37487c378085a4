import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tree.js';

/**
 * Kernel-like files and commits written for these tests (no kernel source): a small memcg header,
 * a statistics file and a driver pool, then a series that opens the memcg word by hand.
 */
export const BASE_FILES: Record<string, string> = {
  'include/linux/memcontrol.h': `/* SPDX-License-Identifier: GPL-2.0 */
/* memcontrol.h - a few memcg declarations for the memcg-review tests; not kernel code. */
#ifndef _LINUX_MEMCONTROL_H
#define _LINUX_MEMCONTROL_H

struct mem_cgroup;
struct page;

struct mem_cgroup *page_memcg(struct page *page);
struct mem_cgroup *page_memcg_check(struct page *page);

#endif
`,
  'mm/node_stats.c': `// SPDX-License-Identifier: GPL-2.0
/*
 * node_stats.c - per-node page counters, written for the memcg-review tests.
 */
#include <linux/mm.h>
#include <linux/memcontrol.h>

static unsigned long node_pages[4];

void node_stats_account(struct page *page, int nid)
{
	if (!page || nid < 0 || nid >= 4)
		return;
	node_pages[nid]++;
}

unsigned long node_stats_pages(int nid)
{
	return node_pages[nid];
}
`,
  'drivers/misc/pool.c': `// SPDX-License-Identifier: GPL-2.0
/*
 * pool.c - a page pool driver, written for the memcg-review tests.
 */
#include <linux/mm.h>
#include <linux/memcontrol.h>

struct pool {
	struct page *pages[16];
	int count;
};

int pool_add(struct pool *pool, struct page *page)
{
	if (pool->count >= 16)
		return -1;
	pool->pages[pool->count++] = page;
	return 0;
}
`,
};

export interface CommitSpec {
  subject: string;
  body?: string;
  /** New contents by path; null deletes the file. */
  files: Record<string, string | null>;
}

/** Patch 1/3: reads page->mem_cgroup by hand (an error with a proven fix). */
export const READ_COMMIT: CommitSpec = {
  subject: 'mm/node_stats: count charged pages per node',
  body: 'Count the pages of each node that are charged to a memory cgroup.',
  files: {
    'mm/node_stats.c': BASE_FILES['mm/node_stats.c']!.replace(
      '\tnode_pages[nid]++;\n}\n',
      '\tnode_pages[nid]++;\n\tif (page->mem_cgroup)\n\t\tnode_charged[nid]++;\n}\n',
    ).replace('static unsigned long node_pages[4];\n', 'static unsigned long node_pages[4];\nstatic unsigned long node_charged[4];\n'),
  },
};

/** Patch 2/3: documentation only. */
export const DOC_COMMIT: CommitSpec = {
  subject: 'Documentation: describe the node counters',
  files: { 'Documentation/mm/node_stats.rst': 'Node stats\n==========\n\nCounts pages per node, and the charged ones.\n' },
};

/** Patch 3/3: stores to page->mem_cgroup in a driver (an error without a fix) under a stale comment. */
export const STORE_COMMIT: CommitSpec = {
  subject: 'drivers/misc/pool: charge adopted pages to the pool owner',
  files: {
    'drivers/misc/pool.c': BASE_FILES['drivers/misc/pool.c']!.replace(
      '\tpool->pages[pool->count++] = page;\n',
      '\t/* adopt the page: page->mem_cgroup follows the owner */\n\tpage->mem_cgroup = owner;\n\tpool->pages[pool->count++] = page;\n',
    ).replace('int pool_add(struct pool *pool, struct page *page)', 'int pool_add(struct pool *pool, struct page *page, struct mem_cgroup *owner)'),
  },
};

/** A clean change: reads the memcg through the helper. */
export const CLEAN_COMMIT: CommitSpec = {
  subject: 'mm/node_stats: count charged pages through page_memcg()',
  files: {
    'mm/node_stats.c': READ_COMMIT.files['mm/node_stats.c']!.replace('if (page->mem_cgroup)', 'if (page_memcg(page))'),
  },
};

export interface KernelRepo {
  dir: string;
  /** The base commit (the kernel-like files), then one id per commit of the series. */
  base: string;
  commits: string[];
}

export function runGit(dir: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_DATE: '2024-01-03T10:00:00Z', GIT_COMMITTER_DATE: '2024-01-03T10:00:00Z', GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
  });
}

/** A fresh git repository in a temporary directory: the base files committed, then the given series. */
export function kernelRepo(series: readonly CommitSpec[]): KernelRepo {
  const dir = tempDir('memcg-repo-');
  runGit(dir, ['init', '-q', '-b', 'master']);
  runGit(dir, ['config', 'user.name', 'A. Developer']);
  runGit(dir, ['config', 'user.email', 'dev@example.org']);
  const base = commit(dir, { subject: 'Import the kernel-like base files', files: BASE_FILES });
  return { dir, base, commits: series.map((c) => commit(dir, c)) };
}

export function commit(dir: string, spec: CommitSpec): string {
  for (const [file, text] of Object.entries(spec.files)) {
    const full = path.join(dir, file);
    if (text === null) {
      fs.rmSync(full);
      continue;
    }
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  runGit(dir, ['add', '-A']);
  runGit(dir, ['commit', '-q', '-m', spec.body ? `${spec.subject}\n\n${spec.body}` : spec.subject]);
  return runGit(dir, ['rev-parse', 'HEAD']).trim();
}
