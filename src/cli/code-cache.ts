import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/** What the CLI's bundle exports (src/cli/cli.ts). */
export interface CliModule {
  main(argv: readonly string[]): Promise<void>;
}

/**
 * The CLI bundled as one CommonJS script, and V8's code cache for it: the bytecode of the functions
 * a review runs, made at build time by a training run (scripts/bundle.mjs, then
 * scripts/train-code-cache.mjs). Both live beside main.js.
 */
export const CLI_BUNDLE = new URL('./cli.cjs', import.meta.url);
export const CLI_CODE_CACHE = new URL('./cli.cache', import.meta.url);

/**
 * V8's flags for the CLI, set before anything is compiled, in the launcher (main.js) as in the
 * training run: V8 takes a code cache only under the flags it was made with. They are process-wide
 * (the audit's workers share them).
 * - `--liftoff-only`: the C grammar runs as WebAssembly. V8 compiles it first with its baseline
 *   compiler (Liftoff), then again, optimized, once it is hot: for the parser's big lexer and
 *   parse-table functions that second compile costs more CPU than a CLI run ever wins back (a
 *   4-patch check: 0.72 s of CPU by default, 0.37 s with Liftoff only; a kernel tree's audit about
 *   the same either way).
 * - `--interrupt-budget` at 4 times its default: JavaScript is optimized (TurboFan) once it has run
 *   four times longer. A short check no longer optimizes functions whose compile, on a background
 *   thread, outlasts the run (and its exit waits for it): the 4-patch check, 50 ms less CPU; a
 *   100-patch series about 10% faster, the audit of a kernel tree the same.
 */
export const CLI_V8_FLAGS = ['--liftoff-only', '--interrupt-budget=270336'] as const;

export function setCliV8Flags(): void {
  for (const flag of CLI_V8_FLAGS) v8.setFlagsFromString(flag);
}

/**
 * Runs `use` (a cache taken or made) with V8's `--verify-snapshot-checksum`: a cache made under it
 * carries a checksum of its contents, and one taken under it is rejected when the checksum does not
 * match (without it, a damaged cache file is deserialized as it is, and can crash V8). Only around
 * the cache, then back to its default in release builds: the flag also has every new thread check
 * V8's own startup snapshot (the audit's workers, ~25 ms each).
 */
function withChecksum<T>(use: () => T): T {
  v8.setFlagsFromString('--verify-snapshot-checksum');
  try {
    return use();
  } finally {
    v8.setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/** The code cache of a bundle compiled by loadBundle, after a run (the training's). */
export function makeCodeCache(loaded: LoadedBundle): Buffer {
  return withChecksum(() => loaded.script.createCachedData());
}

/** The code cache the build made, or undefined without one. */
export function readCodeCache(): Buffer | undefined {
  return readOrUndefined(CLI_CODE_CACHE);
}

function readOrUndefined(file: URL): Buffer | undefined;
function readOrUndefined(file: URL, encoding: 'utf8'): string | undefined;
function readOrUndefined(file: URL, encoding?: 'utf8'): Buffer | string | undefined {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

export interface LoadedBundle {
  cli: CliModule;
  script: vm.Script;
  /** Whether V8 took the code cache (false: there was none, or V8 rejected it). */
  cacheUsed: boolean;
}

/**
 * Compiles and runs the CLI's CommonJS bundle as Node's CommonJS loader would, with `cache` as its
 * code cache. V8 rejects a cache made by another version of V8, under other flags, for a source of
 * another length, or damaged (see withChecksum): the bundle is then compiled from its source, as
 * without a cache. Undefined when there is no bundle. Writes nothing.
 */
export function loadBundle(cache: Buffer | undefined): LoadedBundle | undefined {
  const source = readOrUndefined(CLI_BUNDLE, 'utf8');
  if (source === undefined) return undefined;
  const filename = fileURLToPath(CLI_BUNDLE);
  const script = withChecksum(() => new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData: cache }));
  const module = { exports: {} as CliModule };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  return { cli: module.exports, script, cacheUsed: cache !== undefined && !script.cachedDataRejected };
}
