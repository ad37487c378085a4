import fs from 'node:fs';
import type { Io } from './io.js';
import { writeFileAtomic } from './atomic-write.js';
import { MAX_PATCH_BYTES } from './max-patch-bytes.js';
import { UserError } from './user-error.js';

/** The real process: its cwd, streams and file system. */
export function nodeIo(version: string): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > MAX_PATCH_BYTES) throw new UserError(`stdin is over ${MAX_PATCH_BYTES} bytes: a patch that large is not read`);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    // A getter: process.stdin is made on first use (net, tty and streams, ~9 ms), and a check of
    // files never reads it.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    fs: {
      stat: (p) => {
        const s = fs.statSync(p);
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size };
      },
      readFile: (p) => fs.readFileSync(p, 'utf8'),
      realpath: (p) => fs.realpathSync(p),
      writeFileAtomic,
    },
    version,
  };
}
