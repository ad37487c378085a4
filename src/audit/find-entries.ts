/**
 * The arguments of the system's (GNU) `find` that list, under the current folder, what the
 * audit's walk looks at: every folder with its device and inode (so a folder met twice shows),
 * every symbolic link (never followed: find -P), and every regular .c and .h file with its size.
 * Folders whose name starts with '.' are pruned, as the walk skips them. Entries are
 * NUL-terminated: 'd<dev>:<ino> <path>', 'l<path>', 'f<size> <path>', paths './'-prefixed.
 */
export const FIND_ARGV: readonly string[] = listing(['-printf', 'l%p\\0'], ['-printf', 'f%s %p\\0']);

/**
 * FIND_ARGV when nothing narrows the audit (no --include or --exclude: every C file outside dot
 * folders, as grep's own --include and --exclude-dir select them). Then a file's path is of no use
 * unless the file is to be read whatever grep says: one over `maxReadBytes` (read only to be noted
 * as too large) or one whose name is not printable ASCII (noted when it is not UTF-8). Those are
 * listed in full, as by FIND_ARGV; every other C file is listed by its size alone ('s<size>') and a
 * link by its kind alone ('l'), a tenth of the output, summed by FindTally without a string each.
 * Run it with LC_ALL=C, so that '[! -~]' tests bytes, not characters.
 */
export function findLeanArgv(maxReadBytes: number): string[] {
  return listing(['-printf', 'l\\0'], ['(', '(', '-size', `+${maxReadBytes}c`, '-o', '-name', '*[! -~]*', ')', '-printf', 'f%s %p\\0', '-o', '-printf', 's%s\\0', ')']);
}

/** The walk both listings share (dot folders pruned, folders with their ids), with what each prints for a link and a C file. */
function listing(link: readonly string[], cFile: readonly string[]): string[] {
  return [
    '-P', '.',
    '(', '-type', 'd', '-name', '.?*', '-prune', ')',
    '-o', '(', '-type', 'l', ...link, ')',
    '-o', '(', '-type', 'f', '(', '-name', '*.c', '-o', '-name', '*.h', ')', ...cFile, ')',
    '-o', '(', '-type', 'd', '-printf', 'd%D:%i %p\\0', ')',
  ];
}

/** The environment additions find runs with: names as bytes (findLeanArgv's '[! -~]'). */
export const FIND_ENV = { LC_ALL: 'C' } as const;

/**
 * find's output, read as bytes: records listed by their size alone ('s<size>', findLeanArgv) are
 * counted and summed here, a link listed by its kind alone ('l') counted, and every other record
 * handed to `onRecord` as a string (a name that is not UTF-8 decoded with U+FFFD, as a stream's
 * 'utf8' encoding would). Fifty thousand records in a kernel tree: no string, no split, per file.
 */
export class FindTally {
  /** Files listed by their size alone, and their bytes. */
  files = 0;
  bytes = 0;
  /** Links listed by their kind alone. */
  links = 0;
  private rest: Uint8Array = new Uint8Array(0);
  private readonly decoder = new TextDecoder();

  constructor(private readonly onRecord: (record: string) => void) {}

  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.rest.length > 0) {
      buf = new Uint8Array(this.rest.length + chunk.length);
      buf.set(this.rest);
      buf.set(chunk, this.rest.length);
    }
    let at = 0;
    for (;;) {
      const end = buf.indexOf(0, at);
      if (end === -1) break;
      if (end > at) this.record(buf, at, end);
      at = end + 1;
    }
    this.rest = buf.slice(at);
  }

  /** The output ended: an unterminated last record counts too. */
  end(): void {
    if (this.rest.length > 0) this.record(this.rest, 0, this.rest.length);
    this.rest = new Uint8Array(0);
  }

  private record(buf: Uint8Array, start: number, end: number): void {
    const kind = buf[start];
    if (kind === 0x6c /* l */ && end === start + 1) {
      this.links++;
      return;
    }
    if (kind === 0x73 /* s */ && end > start + 1) {
      let size = 0;
      for (let k = start + 1; k < end; k++) {
        const digit = buf[k]! - 48;
        if (digit < 0 || digit > 9) {
          this.onRecord(this.decoder.decode(buf.subarray(start, end)));
          return;
        }
        size = size * 10 + digit;
      }
      this.files++;
      this.bytes += size;
      return;
    }
    this.onRecord(this.decoder.decode(buf.subarray(start, end)));
  }
}

export type FindEntry = { kind: 'dir'; id: string; path: string } | { kind: 'link'; path: string } | { kind: 'file'; size: number; path: string };

/** One entry of FIND_ARGV's output; paths tree-relative ('' for the root). null when it is not one. */
export function parseFindEntry(entry: string): FindEntry | null {
  const kind = entry[0];
  if (kind === 'l') return { kind: 'link', path: relative(entry.slice(1)) };
  const space = entry.indexOf(' ');
  if (space === -1) return null;
  if (kind === 'f') {
    // Fifty thousand of these in a kernel tree: digits counted by hand, no regular expression.
    if (space === 1 || !digits(entry, 1, space)) return null;
    return { kind: 'file', size: Number(entry.slice(1, space)), path: relative(entry.slice(space + 1)) };
  }
  const head = entry.slice(1, space);
  if (kind === 'd' && /^\d+:\d+$/.test(head)) return { kind: 'dir', id: head, path: relative(entry.slice(space + 1)) };
  return null;
}

/** Whether entry[from, to) is all ASCII digits. */
function digits(entry: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = entry.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function relative(p: string): string {
  return p === '.' ? '' : p.startsWith('./') ? p.slice(2) : p;
}

/** NUL-terminated records out of a stream's chunks; `rest` keeps an unfinished one. */
export function splitNul(chunk: string, rest: string): { records: string[]; rest: string } {
  const parts = (rest + chunk).split('\0');
  const last = parts.pop()!;
  return { records: parts.filter((p) => p !== ''), rest: last };
}
