import type { SyntaxNode } from './parser.js';

/**
 * Macro bodies are opaque text to the C grammar. This builds a "shadow" text of the same length
 * where everything is blanked except the bodies of macros that mention `tokens`, each wrapped as
 * the body of a function (`f(){ BODY ;}`), so offsets in the shadow tree equal offsets in the file.
 * Returns null when no macro body mentions a token.
 */
export function macroShadow(root: SyntaxNode, text: string, tokens: RegExp): string | null {
  const chars = text.replace(/[^\n]/g, ' ').split('');
  let any = false;
  const cursor = root.walk();
  const visit = (): void => {
    const n = cursor.currentNode;
    if ((n.type === 'preproc_def' || n.type === 'preproc_function_def')) {
      const value = n.childForFieldName('value');
      if (value && tokens.test(value.text) && value.startIndex - n.startIndex >= 6) {
        any = true;
        const open = 'f(){';
        for (let i = 0; i < open.length; i++) chars[value.startIndex - open.length + i] = open[i]!;
        for (let i = value.startIndex; i < value.endIndex; i++) chars[i] = text[i] === '\\' && text[i + 1] === '\n' ? ' ' : text[i]!;
        const close = ';}';
        for (let i = 0; i < close.length; i++) {
          if (value.endIndex + i < chars.length) chars[value.endIndex + i] = close[i]!;
          else chars.push(close[i]!);
        }
      }
      return;
    }
    if (cursor.gotoFirstChild()) {
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
  return any ? chars.join('') : null;
}
