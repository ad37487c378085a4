/**
 * Text from a patch (paths, subjects, source lines) shown on a terminal: control characters would
 * move the cursor, recolour or rewrite what is shown, and bidirectional overrides reorder it (the
 * "Trojan Source" trick). Each becomes visible: C0 controls and DEL in caret notation (`^[`, `^M`),
 * C1 controls and the bidi controls as `<U+202E>`. Tabs and line ends stay.
 */
const HIDDEN = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(HIDDEN, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
    if (code === 0x7f) return '^?';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
