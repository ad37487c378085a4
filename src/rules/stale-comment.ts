import type { Rule } from './rule.js';
import { removedBy } from '../model/surface-generation.js';

const STALE = /\b\w+(->|\.)(mem_cgroup|obj_cgroups)\b|\bPageKmemcg\b/;

export const staleComment: Rule = {
  meta: {
    id: 'stale-comment',
    severity: 'info',
    description: 'A comment names page->mem_cgroup, page->obj_cgroups or PageKmemcg, which v5.11 removed.',
    docs:
      'Comments are not code and never cause a warning, but a comment naming a removed field misleads the ' +
      'next reader. Upstream reworded them ("page\'s memcg"). No automatic fix: the wording is the author\'s.',
    fixable: false,
  },
  check(ctx) {
    if (ctx.gen.id === 'legacy') return; // the fields are the legacy API: its comments name them rightly
    for (const n of ctx.src.indexes[0]!.comments) {
      const m = STALE.exec(n.text);
      if (!m) continue;
      const start = n.startIndex + m.index;
      ctx.report({ start, end: start + m[0].length, message: `comment names ${m[0]}, which ${removedBy(ctx.gen)} removed`, confidence: 'high' });
    }
  },
};
