import fs from 'node:fs';
import type { Io } from './io.js';
import { writeFileAtomic } from './atomic-write.js';

/** The real process: its cwd, streams and file system. */
export function nodeIo(version: string): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTTY: process.stdin.isTTY === true,
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
