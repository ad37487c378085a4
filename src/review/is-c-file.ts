/** True for C sources and headers, the only files the reviewer reads. */
export function isCFile(path: string): boolean {
  // Called for every file of a kernel tree: two character tests, no regular expression.
  const n = path.length;
  const last = path.charCodeAt(n - 1);
  return n >= 2 && path.charCodeAt(n - 2) === 46 /* . */ && (last === 99 /* c */ || last === 104 /* h */);
}
