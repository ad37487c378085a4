import type { CParser } from '../c/parser.js';
import type { Generation } from '../model/generation.js';
import { definitionClosure } from './definition-closure.js';
import type { HarnessCase, SkippedHelper } from './harness-case.js';
import { caseTable, HARNESS_MAIN, HARNESS_OBJECTS } from './harness-main.js';
import { HARNESS_PRELUDE } from './harness-prelude.js';
import { stateNames, stateSetup } from './harness-states.js';
import { defines, headerDefinitions, type CFunction } from './header-definitions.js';
import { planCases } from './plan-cases.js';
import { wordLayout, type WordLayout } from './word-layout.js';

export interface Harness {
  /** The C program: the prelude, the header's definitions the cases need, the states, main(). */
  source: string;
  cases: HarnessCase[];
  skipped: SkippedHelper[];
  /** What the states' words hold, and where that was read. */
  layout: WordLayout;
}

export type HarnessBuild = { ok: true; harness: Harness } | { ok: false; reason: string };

/**
 * The C harness for a tree's include/linux/memcontrol.h (`header`) against a generation of the
 * model: text in, text out. Fails (with a reason for the user) when the generation has no flag
 * word to set up, when the header does not define the generation's flags, or when it defines
 * none of the generation's helpers in a form the harness can run. `layout` is what the tree's
 * memcg core stores in the word (word-layout.ts); the preset's when not given.
 */
export function buildHarness(header: string, gen: Generation, parser: CParser, layout: WordLayout = wordLayout(null, gen)): HarnessBuild {
  if (!gen.flags || !gen.kmemStores || !gen.flags.objcgs.startsWith('MEMCG_DATA_')) {
    return { ok: false, reason: `the ${gen.id} model has no MEMCG_DATA_* flag word to verify (model verify covers v5.11 and later)` };
  }
  const defs = headerDefinitions(header, parser);
  const flags = [gen.flags.objcgs, gen.flags.kmem];
  const missing = flags.filter((f) => !defines(defs, f));
  if (missing.length > 0) return { ok: false, reason: `include/linux/memcontrol.h does not define ${missing.join(' or ')}: not a ${gen.id} header` };
  const planned = planCases(gen, defs);
  const cases: HarnessCase[] = [];
  const skipped = [...planned.skipped];
  for (const c of planned.cases) {
    const { unknown } = definitionClosure(defs, c.roots);
    if (unknown.length === 0) cases.push(c);
    else skipped.push({ helper: c.helper, reason: `uses ${unknown.join(', ')}, which neither the header nor the harness defines` });
  }
  if (cases.length === 0) return { ok: false, reason: `include/linux/memcontrol.h defines none of the ${gen.id} helpers in a form the harness can run` };
  const { needed } = definitionClosure(defs, [...flags, ...cases.flatMap((c) => c.roots)]);
  const functions = needed.filter((d): d is CFunction => d.kind === 'function');
  const source = [
    HARNESS_PRELUDE,
    '/* From include/linux/memcontrol.h: the enums and macros the helpers use. */',
    ...needed.filter((d) => d.kind !== 'function').map((d) => d.text),
    '',
    '/* From include/linux/memcontrol.h: the helpers and what they call. */',
    ...functions.map((f) => f.prototype),
    '',
    ...functions.map((f) => `${f.text}\n`),
    HARNESS_OBJECTS,
    stateNames(),
    '',
    stateSetup(gen, layout),
    '',
    caseTable(cases),
    '',
    HARNESS_MAIN,
  ].join('\n');
  return { ok: true, harness: { source, cases, skipped, layout } };
}
