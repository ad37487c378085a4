/** True for C sources and headers, the only files the reviewer reads. */
export function isCFile(path: string): boolean {
  return /\.[ch]$/.test(path);
}
