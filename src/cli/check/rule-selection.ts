import { parseChecked } from '../../pipeline/parse-check.js';
import type { Reviewer } from '../../review/reviewer.js';
import { RULES } from '../../rules/index.js';
import { UserError } from '../shared/user-error.js';

/** Rule ids chosen with --types (only these) and --ignore (all but these). */
export interface RuleSelection {
  types?: string[];
  ignore?: string[];
}

const canonical = (name: string) => name.toLowerCase().replace(/_/g, '-');

/**
 * Reads a comma-separated list of rule ids for --types or --ignore; ids may be spelled as
 * checkpatch types (MEMCG_FIELD_READ). An unknown id is a UserError naming the known ones.
 */
export function parseRuleList(option: string, value: string, known: readonly string[] = RULES.map((r) => r.meta.id)): string[] {
  const ids: string[] = [];
  for (const word of value.split(',').map((w) => w.trim()).filter((w) => w !== '')) {
    const id = known.find((k) => canonical(k) === canonical(word));
    if (id === undefined) throw new UserError(`unknown rule '${word}' for ${option} (one of: ${known.join(', ')})`);
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) throw new UserError(`option '${option}' needs a value`);
  return ids;
}

/**
 * The reviewer restricted to the selected rules, so that reports, fixes and exit codes all follow
 * it. The selection applies after the pipeline's parse check of all the rules' fixes, as a fix
 * withdrawn for breaking the parse with another rule's fix stays withdrawn when that rule is left out.
 */
export function selectRules(reviewer: Reviewer, selection: RuleSelection): Reviewer {
  const { types, ignore } = selection;
  if (types === undefined && ignore === undefined) return reviewer;
  const keep = (id: string) => (types === undefined || types.includes(id)) && !(ignore ?? []).includes(id);
  const checked = parseChecked(reviewer);
  return { review: (file) => checked.review(file).filter((f) => keep(f.ruleId)), fixCheck: null };
}
