import type { ModelView } from './model-view.js';

/** One line on the generation's flags and what a kmem page's word points to. */
export function flagsLine(view: ModelView): string {
  if (!view.flags) return 'no memcg_data word: a union of two pointers, and the PageKmemcg page type';
  const { objcgs, kmem, mask } = view.flags;
  const kmemPage = view.kmemStores === 'objcg' ? 'an obj_cgroup' : 'the memcg';
  return `flags ${objcgs} (vector) and ${kmem} (kmem page), mask ${mask}; a kmem page's word points to ${kmemPage}`;
}
