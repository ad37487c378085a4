/**
 * The core keeps no module state (ARCHITECTURE.md): what a review needs lives in the ReviewContext
 * the reviewer makes per file review. Outside the adapters (src/cli, src/app) a source may not
 * declare, at its top level, a `let` or `var`, a `const` Map, Set, WeakMap, WeakSet, array or
 * object that the file mutates, a global or sticky RegExp whose lastIndex it uses (exec, test),
 * or a static class field that is not readonly. The allow-list holds the few process-wide caches
 * that are safe, each with its reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';
import { ROOT } from './helpers/spawn-cli.js';

const SRC = path.join(ROOT, 'src');
const ADAPTERS = ['cli', 'app'].map((d) => path.join(SRC, d) + path.sep);

/** `file: name` -> why this module-level state is safe. */
const ALLOWED: Record<string, string> = {
  'src/c/parser.ts: loading': 'the grammar loads once per process; every review shares the same immutable parser promise',
  'src/model/surface-generation.ts: cache': 'memo of a pure function keyed by its whole input (the surface as JSON): a hit is the value a call would build',
  'src/review/reviewer.ts: contracted': 'memo of withContract keyed by its inputs (generation and contract objects, held weakly): a hit is the value a call would build',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MUTATORS = 'set|add|delete|clear|push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin';

/** Whether the text changes what `name` holds: a mutating method, an assignment to a member, ++/--. */
function mutated(text: string, name: string): boolean {
  const n = escape(name);
  const member = String.raw`(?:\s*\.\s*\w+|\s*\[[^\]]*\])`;
  return (
    new RegExp(String.raw`(?<![\w.$])${n}${member}*\s*\.\s*(?:${MUTATORS})\s*\(`).test(text) ||
    new RegExp(String.raw`(?<![\w.$])${n}${member}+\s*(?:[-+*/%&|^]|\*\*|<<|>>>?|\?\?|&&|\|\|)?=(?!=)`).test(text) ||
    new RegExp(String.raw`(?<![\w.$])${n}${member}+\s*(?:\+\+|--)|(?:\+\+|--)\s*${n}${member}+`).test(text) ||
    new RegExp(String.raw`Object\.(?:assign|defineProperty|defineProperties|setPrototypeOf)\(\s*${n}\b`).test(text)
  );
}

const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

/** The module-level mutable state a source declares, as `name (what)`. */
// swc's AST is walked by node type, untyped.
export function moduleState(text: string): string[] {
  const found: string[] = [];
  const ast = parseSync(text, { syntax: 'typescript' });
  for (const item of ast.body as any[]) {
    const decl = item.type === 'ExportDeclaration' ? item.declaration : item.type === 'ExportDefaultDeclaration' ? item.decl : item;
    if (decl.type === 'VariableDeclaration') {
      for (const d of decl.declarations) {
        const name = d.id.type === 'Identifier' ? d.id.value : text.slice(d.id.span.start - ast.span.start, d.id.span.end - ast.span.start);
        if (decl.kind !== 'const') {
          found.push(`${name} (top-level ${decl.kind})`);
          continue;
        }
        let init = d.init;
        while (init && (init.type === 'TsAsExpression' || init.type === 'TsSatisfiesExpression' || init.type === 'ParenthesisExpression' || init.type === 'TsConstAssertion')) init = init.expression;
        if (!init || d.id.type !== 'Identifier') continue;
        const container =
          (init.type === 'NewExpression' && init.callee.type === 'Identifier' && CONTAINERS.has(init.callee.value)) ||
          init.type === 'ArrayExpression' ||
          init.type === 'ObjectExpression';
        if (container && mutated(text, name)) found.push(`${name} (module-level ${init.type === 'NewExpression' ? init.callee.value : init.type === 'ArrayExpression' ? 'array' : 'object'}, mutated)`);
        if (init.type === 'RegExpLiteral' && /[gy]/.test(init.flags) && new RegExp(String.raw`(?<![\w.$])${escape(name)}\s*\.\s*(?:exec|test|lastIndex)\b`).test(text)) {
          found.push(`${name} (module-level /${init.flags} RegExp, lastIndex used)`);
        }
      }
    }
    if (decl.type === 'ClassDeclaration' || decl.type === 'ClassExpression') {
      for (const m of decl.body) {
        if (m.type === 'ClassProperty' && m.isStatic && !m.readonly) found.push(`${decl.identifier?.value ?? 'class'}.${m.key.value ?? '?'} (static field, not readonly)`);
      }
    }
  }
  return found;
}

const core = sources(SRC).filter((f) => !ADAPTERS.some((a) => f.startsWith(a)));
const state = core.flatMap((f) => moduleState(fs.readFileSync(f, 'utf8')).map((s) => `${path.relative(ROOT, f)}: ${s}`));
const key = (entry: string) => entry.replace(/ \(.*$/, '');

test('the core declares no module-level mutable state outside the allow-list', () => {
  expect(state.filter((s) => !(key(s) in ALLOWED))).toEqual([]);
});

test('every allow-list entry still exists and says why', () => {
  const keys = new Set(state.map(key));
  expect(Object.keys(ALLOWED).filter((k) => !keys.has(k))).toEqual([]);
  for (const reason of Object.values(ALLOWED)) expect(reason.length).toBeGreaterThan(20);
});

test('the scan finds each kind of module state', () => {
  expect(
    moduleState(`
      let a = 1;
      export var b: number;
      const c = new Map<string, number>();
      export function f() { c.set('x', 1); }
      const d: string[] = [];
      export const g = () => d.push('x');
      const e = { n: 0 };
      export const h = () => { e.n++; };
      const r = /x/g;
      export const t = (s: string) => r.exec(s);
      export class K { static count = 0; static readonly fixed = 1; }
    `),
  ).toEqual([
    'a (top-level let)',
    'b (top-level var)',
    'c (module-level Map, mutated)',
    'd (module-level array, mutated)',
    'e (module-level object, mutated)',
    'r (module-level /g RegExp, lastIndex used)',
    'K.count (static field, not readonly)',
  ]);
});

test('constant tables and stateless uses are not module state', () => {
  expect(
    moduleState(`
      const NAMES = new Set(['a', 'b']);
      export const has = (n: string) => NAMES.has(n);
      const TABLE: Record<string, number> = { a: 1 };
      export const get = (k: string) => TABLE[k] === 1;
      const RE = /x/g;
      export const all = (s: string) => [...s.matchAll(RE)].length + s.replace(RE, '').length;
      export function local() { const m = new Map(); m.set(1, 2); let n = 0; n++; return n; }
    `),
  ).toEqual([]);
});
