import { atAccess, untypedNote, untypedReceiver, type Rule } from './rule.js';
import { writeFix } from './write-fix.js';
import { removedBy } from '../model/surface-generation.js';

export const memcgFieldWrite: Rule = {
  meta: {
    id: 'memcg-field-write',
    severity: 'error',
    description: 'Stores to page->mem_cgroup by hand.',
    docs:
      'Since v5.11 the memcg pointer lives in page->memcg_data together with the MEMCG_DATA_KMEM and ' +
      'MEMCG_DATA_OBJCGS flags. Inside the memcg core (mm/memcontrol.c, include/linux/memcontrol.h, mm/slab.h) a ' +
      'store becomes `page->memcg_data = (unsigned long)memcg`, `= NULL` becomes `= 0`, and a following ' +
      '__SetPageKmemcg() folds into `| MEMCG_DATA_KMEM`. A plain store clears the KMEM flag that PageKmemcg kept ' +
      'apart, so on a kmem page it is offered only conditionally. Outside the core there is no fix: charging ' +
      'belongs to the memcg API (mem_cgroup_charge(), __memcg_kmem_charge_page()), and a hand-written store ' +
      'leaves the flags and the css reference out of step with the charge.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.gen.id === 'legacy') return; // the field is the legacy API
    for (const a of ctx.accesses) {
      if (a.field !== 'mem_cgroup' || (a.kind !== 'page' && a.kind !== 'unknown')) continue;
      if (untypedReceiver(a) && (a.usage === 'address' || a.usage === 'write' || a.usage === 'write-once')) {
        ctx.report(untypedNote(a));
        continue;
      }
      if (a.usage === 'address') {
        ctx.report(atAccess(a, `takes the address of page->mem_cgroup, which ${removedBy(ctx.gen)} replaced by the tagged word memcg_data; atomics on it must keep the flag bits`));
        continue;
      }
      if (a.usage !== 'write' && a.usage !== 'write-once') continue;
      if (!ctx.isCore) {
        ctx.report(
          atAccess(a, `stores to page->mem_cgroup outside the memcg core: ${removedBy(ctx.gen)} keeps flags in the same word (memcg_data), and a store by hand drops them and bypasses the css reference of the charge`),
        );
        continue;
      }
      ctx.report(
        atAccess(a, `stores to page->mem_cgroup, which ${removedBy(ctx.gen)} replaced by the tagged word memcg_data: the store must write the pointer and its MEMCG_DATA_* flags together`, writeFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, ctx.src.text)),
      );
    }
  },
};
