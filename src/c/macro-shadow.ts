import type { SyntaxNode } from './parser.js';

/**
 * Macro bodies are opaque text to the C grammar. This builds a "shadow" text of the same length
 * where everything is blanked except the given macro bodies, each wrapped as the body of a function
 * (`f(){ BODY ;}`), so offsets in the shadow tree equal offsets in the file. Null when there are none.
 */
export function macroShadow(values: readonly SyntaxNode[], text: string, parentOf: (n: SyntaxNode) => SyntaxNode | null): string | null {
  const bodies = values.filter((v) => v.startIndex - (parentOf(v)?.startIndex ?? 0) >= 6);
  if (bodies.length === 0) return null;
  const chars = text.replace(/[^\n]/g, ' ').split('');
  for (const value of bodies) {
    const open = 'f(){';
    for (let i = 0; i < open.length; i++) chars[value.startIndex - open.length + i] = open[i]!;
    for (let i = value.startIndex; i < value.endIndex; i++) chars[i] = text[i] === '\\' && text[i + 1] === '\n' ? ' ' : text[i]!;
    const close = ';}';
    for (let i = 0; i < close.length; i++) {
      if (value.endIndex + i < chars.length) chars[value.endIndex + i] = close[i]!;
      else chars.push(close[i]!);
    }
  }
  return chars.join('');
}
