#!/usr/bin/env node
import v8 from 'node:v8';
import { EXIT } from './shared/exit-codes.js';
import { loadBundle, readCodeCache, type CliModule } from './code-cache.js';

// The C grammar runs as WebAssembly. V8 compiles it first with its baseline compiler (Liftoff),
// then again, optimized, once it is hot: for the parser's big lexer and parse-table functions that
// second compile costs more CPU than a CLI run ever wins back (a 4-patch check: 0.72 s of CPU by
// default, 0.37 s with Liftoff only; a kernel tree's audit about the same either way). The flag is
// process-wide (the audit's workers share it). It is set before anything is compiled: V8 takes a
// code cache only under the flags it was made with, and the build makes it with this one.
v8.setFlagsFromString('--liftoff-only');

// A reader that went away (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.clean);
});

// The CLI's CommonJS bundle with its code cache (scripts/bundle.mjs); tsc's modules without it.
const cli: CliModule = loadBundle(readCodeCache())?.cli ?? (await import('./cli.js'));
await cli.main(process.argv.slice(2));
