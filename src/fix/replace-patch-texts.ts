/** A patch's text as parsed and as fixed. */
export interface PatchTextChange {
  before: string;
  after: string;
}

/**
 * Puts fixed patch texts back into the input they were parsed from. Patch texts have LF line
 * ends; an input written with CRLF throughout gets CRLF back. Changes may come in any order (a
 * series is sorted by patch number, an mbox need not be). Null when a text is not found verbatim
 * (e.g. a base64 mail body) or the input mixes line ends.
 */
export function replacePatchTexts(input: string, changes: readonly PatchTextChange[]): string | null {
  const crlf = input.includes('\r\n');
  if (crlf && input.replaceAll('\r\n', '').includes('\n')) return null;
  const text = crlf ? input.replaceAll('\r\n', '\n') : input;
  const placed: { at: number; change: PatchTextChange }[] = [];
  for (const change of changes) {
    let at = text.indexOf(change.before);
    while (at !== -1 && placed.some((p) => p.at < at + change.before.length && at < p.at + p.change.before.length)) {
      at = text.indexOf(change.before, at + 1);
    }
    if (at === -1) return null;
    placed.push({ at, change });
  }
  placed.sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const { at, change } of placed) {
    out += text.slice(pos, at) + change.after;
    pos = at + change.before.length;
  }
  out += text.slice(pos);
  return crlf ? out.replaceAll('\n', '\r\n') : out;
}
