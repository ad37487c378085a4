import type { SyntaxNode } from '../c/parser.js';
import type { TextEdit } from '../types.js';

export function replaceNode(node: SyntaxNode, text: string): TextEdit {
  return { start: node.startIndex, end: node.endIndex, text };
}

export function insertAt(offset: number, text: string): TextEdit {
  return { start: offset, end: offset, text };
}

/**
 * Deletes a statement (or the statements from `stmt` to `last`); when they stand alone on their
 * lines, the whole lines go (indentation and line end included), and a blank line left dangling
 * before a closing brace or another blank line goes too.
 */
export function deleteStatement(stmt: SyntaxNode, text: string, last: SyntaxNode = stmt): TextEdit {
  let start = stmt.startIndex;
  let end = last.endIndex;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd))) {
    start = lineStart;
    end = lineEndAt === -1 ? lineEnd : lineEnd + 1;
    const prevStart = text.lastIndexOf('\n', start - 2) + 1;
    const nextEnd = text.indexOf('\n', end);
    const nextLine = text.slice(end, nextEnd === -1 ? text.length : nextEnd);
    if (start > 0 && /^[ \t]*$/.test(text.slice(prevStart, start - 1)) && /^[ \t]*(\}.*)?$/.test(nextLine)) start = prevStart;
  }
  return { start, end, text: '' };
}

const PRIMARY = new Set(['identifier', 'field_expression', 'call_expression', 'subscript_expression', 'parenthesized_expression', 'number_literal']);

/** `(unsigned long)` before an expression, parenthesised when it is not primary. */
export function castToWord(value: SyntaxNode): TextEdit[] {
  if (PRIMARY.has(value.type)) return [insertAt(value.startIndex, '(unsigned long)')];
  return [insertAt(value.startIndex, '(unsigned long)('), insertAt(value.endIndex, ')')];
}

/** True for NULL, 0 and (void *)0 style null constants. */
export function isNullConstant(value: SyntaxNode): boolean {
  const t = value.text.replace(/\s+/g, '');
  return value.type === 'null' || t === 'NULL' || t === '0' || t === '(void*)0';
}
