#!/usr/bin/env node
import { EXIT } from './shared/exit-codes.js';
import { loadBundle, readCodeCache, setCliV8Flags, type CliModule } from './code-cache.js';

// Before anything is compiled (see CLI_V8_FLAGS).
setCliV8Flags();

// A reader that went away (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.clean);
});

// The launcher: the CLI's CommonJS bundle with its code cache (scripts/bundle.mjs), or tsc's
// modules when there is no bundle (a build by tsc alone).
const cli: CliModule = loadBundle(readCodeCache())?.cli ?? (await import('./cli.js'));
await cli.main(process.argv.slice(2));
