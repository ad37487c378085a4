import { definedNames, SURFACE_FILES, type SurfaceFile } from './api-surface.js';
import { HELPER_NAMES } from './helper-names.js';

/** Readers of the slab word that no preset models (mm/slab.h of 6.1 and of 6.10+). */
const SLAB_WORD_READERS = ['slab_objcgs', 'slab_obj_exts', 'folio_objcg'];

/** The MAINTAINERS entry whose files are the memcg core. */
export const MEMCG_ENTRY = 'CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)';

/**
 * The memcg core a tree names: the `F:` patterns of its MAINTAINERS entry for the memory
 * controller (a folder `dir/` covers what is below it), plus the headers that define the word's
 * readers (they own the word). Empty when the tree says nothing (no MAINTAINERS, no entry).
 */
export function treeCore(read: (path: 'MAINTAINERS' | SurfaceFile) => string | null): { files: string[]; evidence: string } {
  const files: string[] = [];
  const maintainers = read('MAINTAINERS');
  const entry = maintainers ? entryFiles(maintainers, MEMCG_ENTRY) : [];
  files.push(...entry);
  const owners: string[] = [];
  for (const p of SURFACE_FILES) {
    const text = read(p);
    if (text === null) continue;
    if (!/\b(memcg_data|obj_exts)\b/.test(text)) continue; // the legacy union has no word to own
    const defined = definedNames(text).functions;
    if ([...HELPER_NAMES, ...SLAB_WORD_READERS].some((h) => defined.has(h))) owners.push(p);
  }
  for (const p of owners) if (!files.includes(p)) files.push(p);
  const said = [entry.length ? `MAINTAINERS "${MEMCG_ENTRY}" (${entry.join(', ')})` : '', owners.length ? `the headers defining the word's readers (${owners.join(', ')})` : ''].filter(Boolean);
  return { files, evidence: said.join(' and ') || 'no MAINTAINERS entry for the memcg and no header defining its readers' };
}

/** The `F:` lines of one MAINTAINERS entry, as path globs. */
export function entryFiles(maintainers: string, title: string): string[] {
  const lines = maintainers.split('\n');
  const at = lines.findIndex((l) => l.trim() === title);
  if (at < 0) return [];
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const m = /^F:\s*(\S+)/.exec(lines[i]!);
    if (!m) continue;
    const f = m[1]!;
    out.push(f.endsWith('/') ? `${f}**` : f);
  }
  return out;
}
