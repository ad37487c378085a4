import fs from 'node:fs';

/** The most of one file an audit reads: no kernel file comes near it (the largest are ~12 MB). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * Reads whole files into one reused buffer (grown as needed), so reading a tree allocates
 * nothing per file. The returned view is valid until the next read; copy what must outlive it.
 * Symbolic links are refused (O_NOFOLLOW): the walk never hands one over, and a file replaced
 * by a link since is not read through it. A read that fills less than the room it was given
 * ends the file: the walk hands over regular files only, where a short read is the end (this
 * saves one system call per file over reading until read() returns 0).
 */
export class BytesReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  /** `maxBytes`: a longer file is refused (EFBIG) after reading that much, so the buffer stays bounded. */
  constructor(private readonly maxBytes = MAX_READ_BYTES) {}

  read(file: string): Buffer {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      let length = 0;
      for (;;) {
        if (length > this.maxBytes) throw Object.assign(new Error(`${file}: over ${this.maxBytes} bytes`), { code: 'EFBIG' });
        if (length === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const room = this.buffer.length - length;
        const n = fs.readSync(fd, this.buffer, length, room, null);
        length += n;
        if (n < room) break;
      }
      return this.buffer.subarray(0, length);
    } finally {
      fs.closeSync(fd);
    }
  }
}
