import { FOLIO, PAGE, SLAB, type CType } from './c-type.js';

const pageReturning = [
  'compound_head', 'virt_to_head_page', 'virt_to_page', 'pfn_to_page', 'folio_page', 'nth_page',
  'alloc_page', 'alloc_pages', '__alloc_pages', 'alloc_pages_node', '__alloc_pages_node', 'alloc_pages_vma',
  'find_get_page', 'find_lock_page', 'find_or_create_page', 'grab_cache_page', 'pagecache_get_page',
  'pmd_page', 'pud_page', 'pte_page', 'phys_to_page', 'kmap_to_page', 'vmalloc_to_page', 'lru_to_page',
  'migration_entry_to_page', 'device_private_entry_to_page', 'pfn_to_online_page', 'follow_page',
  'read_mapping_page', 'find_subpage', 'compound_nth_page', 'dma_direct_to_page', 'sg_page',
];
/** Kernel functions and macros whose result type is known without their declaration in view. */
const RETURNS: Readonly<Record<string, string>> = Object.fromEntries([
  ...pageReturning.map((f) => [f, PAGE]),
  ...['page_folio', 'virt_to_folio', 'pfn_folio', 'folio_alloc', 'filemap_get_folio', 'lru_to_folio', 'page_folio'].map((f) => [f, FOLIO]),
  ...['virt_to_slab', 'folio_slab', 'page_slab'].map((f) => [f, SLAB]),
]);

export function knownReturnType(name: string): CType | null {
  const base = RETURNS[name];
  return base ? { base, ptr: 1 } : null;
}

/** container_of-style macros whose second argument names the result's struct type. */
export const CONTAINER_MACROS = new Set(['container_of', 'list_entry', 'list_first_entry', 'list_last_entry', 'list_next_entry', 'list_prev_entry', 'hlist_entry', 'rb_entry']);

/** Trace-event macros whose TP_PROTO argument declares the names used in their other arguments. */
export const TRACE_MACROS = new Set(['TRACE_EVENT', 'DECLARE_EVENT_CLASS', 'TRACE_EVENT_CONDITION', 'TRACE_EVENT_FN', 'DEFINE_EVENT']);

/**
 * Names that kernel code conventionally gives to values of a known type. Used only when no
 * declaration is in view; a finding that relies on one says the type was guessed.
 */
export function guessTypeFromName(name: string): CType | null {
  if (/^(page|head|newpage|oldpage|new_page|old_page|hpage|spage|dpage|pg|subpage|tail|compound|p_head|page_head|src_page|dst_page|[a-z_]*_page)$/.test(name)) return { base: PAGE, ptr: 1 };
  if (/^(pages|[a-z_]*_pages)$/.test(name)) return { base: PAGE, ptr: 2 };
  if (/^(folio|[a-z_]*_folio)$/.test(name)) return { base: FOLIO, ptr: 1 };
  if (/^(slab|[a-z_]*_slab)$/.test(name)) return { base: SLAB, ptr: 1 };
  if (/^(chunk|[a-z_]*_chunk)$/.test(name)) return { base: 'struct pcpu_chunk', ptr: 1 };
  return null;
}

/** Fields of kernel structs the reviewer knows without their definition in view. */
const KNOWN_FIELDS: Record<string, Record<string, CType>> = {
  [FOLIO]: { page: { base: PAGE, ptr: 0 } },
  [SLAB]: {},
  'struct vm_struct': { pages: { base: PAGE, ptr: 2 } },
  'struct pagevec': { pages: { base: PAGE, ptr: 2 } },
};

export function knownFieldType(struct: string, field: string): CType | null {
  return KNOWN_FIELDS[struct]?.[field] ?? null;
}
