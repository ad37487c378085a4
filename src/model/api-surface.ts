import type { Target } from '../types.js';
import { detectGeneration, GENERATION_FILES } from './detect-generation.js';
import { GENERATIONS } from './generation.js';

/**
 * The memcg API a tree defines, as names: which helpers and flags EXIST, read from the code under
 * review (the tree's headers with the series applied, in order), never from a generation's list.
 * What each helper DOES on each page state is the contracts' business (the preset's model, or the
 * table `model verify` measures); this value only says what can be called and how it is spelled.
 * Plain data, so it crosses to audit worker threads as it is.
 */
export interface ApiSurface {
  /** Where the names were read, for reports: "the tree's include/linux/memcontrol.h, mm/slab.h". */
  source: string;
  /** The named preset nearest these names: explanations, and contracts where none is measured. */
  preset: Target;
  /** Why that preset: "include/linux/memcontrol.h defines MEMCG_DATA_OBJEXTS". */
  evidence: string;
  /** Functions and function-like macros the headers define (memcg-related names only, sorted). */
  functions: string[];
  /** Object-like macros and enum constants: the word's flags and masks (memcg-related, sorted). */
  constants: string[];
  /** struct page / folio / slab fields the headers declare among mem_cgroup, obj_cgroups, memcg_data, obj_exts. */
  fields: string[];
}

/** The headers whose definitions make the surface: where every generation defined its readers. */
export const SURFACE_FILES = [...GENERATION_FILES, 'include/linux/mm.h', 'include/linux/page-flags.h'] as const;
export type SurfaceFile = (typeof SURFACE_FILES)[number];

const FIELDS = ['mem_cgroup', 'obj_cgroups', 'memcg_data', 'obj_exts'];
/** Names worth keeping: the word's helpers and flags, and what they are built from. */
const RELEVANT_NAME = /memcg|mem_cgroup|objcg|obj_cgroup|kmem|obj_?ext|^page_folio$|^folio_page$|MEMCG|OBJEXTS/i;

export interface DefinedNames {
  functions: Set<string>;
  constants: Set<string>;
}

/**
 * The names a C text defines: functions (kernel style puts a definition's name on a line that
 * starts at column 0, after its return type or alone), `#define`s (function-like or not) and enum
 * constants. Both branches of an #ifdef count: either may be the one built.
 */
export function definedNames(text: string): DefinedNames {
  const functions = new Set<string>();
  const constants = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)(\()?/gm)) (m[2] ? functions : constants).add(m[1]!);
  for (const m of text.matchAll(/^(?![#}\s/*])[^=;(\n]*?\b([A-Za-z_]\w*)\s*\(/gm)) {
    const line = m[0];
    if (/^(return|if|while|for|switch|do|else)\b/.test(line)) continue;
    functions.add(m[1]!);
  }
  for (const m of text.matchAll(/\benum\b[^{;]*\{([^}]*)\}/g)) {
    for (const c of m[1]!.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').matchAll(/(?:^|,)\s*([A-Za-z_]\w*)/g)) constants.add(c[1]!);
  }
  return { functions, constants };
}

/**
 * The surface of a tree from its headers' texts (null: the file is not there). The preset is the
 * generation those names match; null when none does (no memcg header at all).
 */
export function readApiSurface(read: (path: SurfaceFile) => string | null, from = "the tree's"): ApiSurface | null {
  const texts = new Map<SurfaceFile, string>();
  for (const p of SURFACE_FILES) {
    const t = read(p);
    if (t !== null) texts.set(p, t);
  }
  let detected = detectGeneration((p) => texts.get(p) ?? null);
  const functions = new Set<string>();
  const constants = new Set<string>();
  const fields = new Set<string>();
  for (const [, text] of texts) {
    const names = definedNames(text);
    for (const n of names.functions) if (RELEVANT_NAME.test(n)) functions.add(n);
    for (const n of names.constants) if (RELEVANT_NAME.test(n)) constants.add(n);
    for (const f of FIELDS) if (new RegExp(`\\b${f}\\s*;`).test(text)) fields.add(f);
  }
  // PAGE_TYPE_OPS(Kmemcg, ...) in page-flags.h makes the legacy page type's three helpers.
  if (/PAGE_TYPE_OPS\(\s*Kmemcg\b/.test(texts.get('include/linux/page-flags.h') ?? '')) {
    for (const n of ['PageKmemcg', '__SetPageKmemcg', '__ClearPageKmemcg']) functions.add(n);
  }
  if (!detected.target) {
    // No generation's flags or fields: the preset that has the most of the readers defined, if any.
    const scored = GENERATIONS.filter((g) => g.id !== 'rfc-v1').map((g) => ({ g, n: [...functions].filter((f) => g.helpers[f]).length }));
    const best = scored.reduce((a, b) => (b.n > a.n ? b : a), { g: scored[0]!.g, n: 0 });
    if (best.n === 0) return null;
    const names = [...functions].filter((f) => best.g.helpers[f]);
    detected = { target: best.g.id, evidence: `the headers define ${names.map((n) => `${n}()`).join(', ')} but no generation's flags or fields` };
  }
  return {
    source: `${from} ${[...texts.keys()].join(', ')}`,
    preset: detected.target!,
    evidence: detected.evidence,
    functions: [...functions].sort(),
    constants: [...constants].sort(),
    fields: [...fields].sort(),
  };
}

/** One line for reports: where the API came from and what it is nearest to. */
export function describeSurface(s: ApiSurface): string {
  return `read from ${s.source} (nearest preset ${s.preset}: ${s.evidence}; ${s.functions.length} memcg functions and macros, flags ${flagNames(s).join(', ') || 'none'})`;
}

function flagNames(s: ApiSurface): string[] {
  return s.constants.filter((c) => /^MEMCG_DATA_|FLAGS_MASK$/.test(c));
}
