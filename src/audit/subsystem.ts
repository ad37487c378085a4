/** Top-level folders whose subfolders are subsystems of their own (drivers/gpu, fs/ext4, include/linux, ...). */
const GROUPING = new Set(['arch', 'drivers', 'fs', 'include', 'net', 'sound', 'tools', 'Documentation', 'samples', 'security', 'crypto', 'block']);

/**
 * The kernel subsystem a tree-relative path belongs to, for charts and summaries: its first
 * folder (mm, kernel, lib), or its first two for the folders that group subsystems
 * (drivers/gpu, fs/ext4, include/linux, arch/x86). A file at the top is '.'.
 */
export function subsystemOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return '.';
  if (parts.length >= 3 && GROUPING.has(parts[0]!)) return `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

/** The folder of a tree-relative path ('.' at the top). */
export function directoryOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '.' : file.slice(0, slash);
}
