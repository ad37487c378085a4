import { STUBBED_NAMES } from './harness-prelude.js';
import { enumDefining, type Definition, type HeaderDefinitions } from './header-definitions.js';

/** Words a macro's text can hold that name nothing to look up. */
const C_WORDS = new Set(['sizeof', 'typeof', '__typeof__', 'unsigned', 'signed', 'long', 'int', 'short', 'char', 'void', 'bool', 'const', 'volatile', 'struct', 'union', 'enum', 'true', 'false', 'return', 'if', 'else', 'do', 'while', 'for']);

export interface Closure {
  /** The definitions the names need, in the header's order. */
  needed: Definition[];
  /** Names used along the way that neither the header nor the harness defines. */
  unknown: string[];
}

/** Everything the header must supply for `names` to compile: functions, macros and enums they use, transitively. */
export function definitionClosure(defs: HeaderDefinitions, names: readonly string[]): Closure {
  const needed = new Set<Definition>();
  const unknown = new Set<string>();
  const seen = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name) || STUBBED_NAMES.has(name) || C_WORDS.has(name)) continue;
    seen.add(name);
    const def = defs.functions.get(name) ?? defs.macros.get(name) ?? enumDefining(defs, name);
    if (!def) {
      unknown.add(name);
      continue;
    }
    if (!needed.has(def)) queue.push(...def.uses);
    needed.add(def);
  }
  return { needed: [...needed].sort((a, b) => a.start - b.start), unknown: [...unknown].sort() };
}
