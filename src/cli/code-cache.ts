import fs from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** What the CLI's bundle exports (src/cli/cli.ts). */
export interface CliModule {
  main(argv: readonly string[]): Promise<void>;
}

/** The CommonJS bundle of the CLI and its V8 code cache, beside main.js (scripts/bundle.mjs makes both). */
export const CLI_BUNDLE = new URL('./cli.cjs', import.meta.url);
export const CLI_CODE_CACHE = new URL('./cli.cache', import.meta.url);

export interface LoadedBundle {
  cli: CliModule;
  script: vm.Script;
  /** Whether V8 took the code cache (false: there was none, or V8 rejected it). */
  cacheUsed: boolean;
}

/** The code cache the build made, or undefined without one. */
export function readCodeCache(): Buffer | undefined {
  return readOrUndefined(CLI_CODE_CACHE);
}

function readOrUndefined(file: URL): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Compiles and runs the CLI's CommonJS bundle as Node's own module loader would, with `cache` as
 * V8's code cache (the bytecode of its functions, made by a run at build time). V8 checks that the
 * cache was made by this version of V8 with these flags for a source of this length and rejects
 * it otherwise: the bundle is then compiled from its source, as without a cache. Returns undefined
 * when there is no bundle. Never writes.
 */
export function loadBundle(cache: Buffer | undefined): LoadedBundle | undefined {
  const source = readOrUndefined(CLI_BUNDLE)?.toString('utf8');
  if (source === undefined) return undefined;
  const filename = new URL(CLI_BUNDLE).pathname;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData: cache });
  const module = { exports: {} as CliModule };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, filename.slice(0, filename.lastIndexOf('/')));
  return { cli: module.exports, script, cacheUsed: cache !== undefined && !script.cachedDataRejected };
}
