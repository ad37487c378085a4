import fs from 'node:fs';

/**
 * Reads whole files into one reused buffer (grown as needed), so reading a tree allocates
 * nothing per file. The returned view is valid until the next read; copy what must outlive it.
 * Symbolic links are refused (O_NOFOLLOW): the walk never hands one over, and a file replaced
 * by a link since is not read through it.
 */
export class BytesReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  read(file: string): Buffer {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const n = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return this.buffer.subarray(0, length);
    } finally {
      fs.closeSync(fd);
    }
  }
}
