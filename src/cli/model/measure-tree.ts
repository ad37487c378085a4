import { loadCParser } from '../../c/parser.js';
import type { MeasuredContract } from '../../model/contract.js';
import type { Generation } from '../../model/generation.js';
import { buildHarness } from '../../verify/build-harness.js';
import { parseHarnessOutput } from '../../verify/harness-output.js';
import { compareWithModel, measuredContract, type VerifyResult } from '../../verify/verify-result.js';
import { wordLayout } from '../../verify/word-layout.js';
import type { Io } from '../shared/io.js';
import { compilerCommand, runHarness } from './run-harness.js';
import { readTreeFile, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

export const HEADER = 'include/linux/memcontrol.h';
const CORE = 'mm/memcontrol.c';

/** Measurements of this process, by target, tree and the hash of the files they were read from. */
const measured = new Map<string, VerifyResult>();

/**
 * The adapter step of a measured contract: reads the tree's memcontrol.h (and mm/memcontrol.c for
 * what the word holds), builds the harness (pure), compiles and runs it with cc, and holds the
 * outcomes against the preset `gen`. Once per tree, target and header contents in this process.
 * Throws UserError when the tree has no header, the harness cannot be built, or cc is missing.
 */
export async function measureTree(tree: Tree, treeArg: string, gen: Generation, io: Io): Promise<VerifyResult> {
  const header = readTreeFile(tree, HEADER, io);
  if (header === null) throw new UserError(`no ${HEADER} in tree '${treeArg}'`);
  const core = readTreeFile(tree, CORE, io);
  const cc = compilerCommand();
  const key = `${gen.id}\0${tree.root}\0${cc.join(' ')}\0${process.getBuiltinModule('node:crypto').createHash('sha256').update(header).update('\0').update(core ?? '').digest('hex')}`;
  const cached = measured.get(key);
  if (cached) return cached;
  const layout = wordLayout(core, gen);
  const built = buildHarness(header, gen, await loadCParser(), layout);
  if (!built.ok) throw new UserError(built.reason);
  const outcomes = parseHarnessOutput(runHarness(built.harness.source, cc));
  const contract = measuredContract(gen, outcomes, built.harness.cases, built.harness.skipped, { source: `${treeArg}/${HEADER}`, layout: layout.evidence, stores: { user: layout.user, kmem: layout.kmem } });
  const result = compareWithModel(gen, outcomes, built.harness.skipped, contract);
  measured.set(key, result);
  return result;
}

/**
 * The contract an audit or check of `tree` validates fixes by, and one phrase for the report:
 * measured from the tree's helpers when it defines them for a generation with the word; the
 * preset (and why) when they cannot be measured (no cc, a header the harness cannot build). No
 * contract and no phrase when the tree has no include/linux/memcontrol.h or the target no word.
 * `measure` false (an audit without --measure: its tree is not trusted, SECURITY.md) never
 * compiles anything: the preset, and the phrase says how to measure.
 */
export async function treeContract(tree: Tree, treeArg: string, gen: Generation, io: Io, measure = true): Promise<{ contract?: MeasuredContract; description?: string }> {
  if (!gen.flags?.objcgs.startsWith('MEMCG_DATA_') || readTreeFile(tree, HEADER, io) === null) return {};
  if (!measure) return { description: `the ${gen.id} preset (--measure compiles and runs the tree's own helpers with cc to measure them: only on a tree you trust)` };
  const found = await contractOrPreset(tree, treeArg, gen, io);
  if ('preset' in found) return { description: `the ${gen.id} preset: the tree's helpers could not be measured (${found.preset})` };
  const n = Object.keys(found.contract.helpers).length;
  return { contract: found.contract, description: `measured from ${found.contract.source}: ${n} helper${n === 1 ? '' : 's'} compiled and run on every state` };
}

/** What an audit or check with --tree validates fixes by: the measured contract, or the preset (and why) when it cannot be measured. */
export async function contractOrPreset(tree: Tree, treeArg: string, gen: Generation, io: Io): Promise<{ contract: MeasuredContract } | { preset: string }> {
  try {
    const result = await measureTree(tree, treeArg, gen, io);
    return { contract: result.contract! };
  } catch (e) {
    // A harness that does not compile, crashes or never ends: the preset validates.
    return { preset: e instanceof Error ? e.message : String(e) };
  }
}
