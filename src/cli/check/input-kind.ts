export type InputKind = 'patch' | 'c';

const PATCH_EXTENSIONS = /\.(patch|diff|mbox|mbx|eml)$/i;
const C_EXTENSIONS = /\.[ch]$/;
/** Lines that only a diff or a mail has at their start. */
const PATCH_MARKERS = /^(diff --git |--- \S.*\n\+\+\+ \S|From [0-9a-f]{40} |Index: \S.*\n=+$)/m;

/** What an input is, by its name and else by its text; null when it is neither. */
export function inputKind(name: string, text: string): InputKind | null {
  if (C_EXTENSIONS.test(name)) return 'c';
  if (PATCH_EXTENSIONS.test(name) || looksLikePatch(text)) return 'patch';
  return null;
}

export function looksLikePatch(text: string): boolean {
  return PATCH_MARKERS.test(text.replace(/\r\n/g, '\n'));
}
