/** FNV-1a over a string's UTF-16 code units, 32 bits, as 8 hex digits. */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A fingerprint of a finding that survives lines moving, in the `hash:occurrence` form of
 * SARIF's primaryLocationLineHash: 64 bits over the rule, the file and the flagged line's text
 * without blanks, then which of the identical ones in the file it is (1 for the first).
 */
export function findingFingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  const key = `${ruleId}\0${file}\0${lineText.replace(/\s+/g, '')}`;
  return `${fnv1a(key)}${fnv1a(key, 0x1b873593)}:${occurrence + 1}`;
}
