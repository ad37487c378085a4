import { calleeName, callArguments } from './nodes.js';
import type { SyntaxNode } from './parser.js';
import type { ReviewContext } from './review-context.js';

/** printk-style functions: a format string, then the values it converts. */
const PRINTERS = /^(printk|pr_[a-z_]+|dev_(err|warn|info|dbg|notice|crit)|seq_printf|trace_printk|snprintf|scnprintf|sprintf|dump_page_printk)$/;

/** A value argument of a printk-style call and the conversion (`%px`) that prints it. */
export interface PrintedValue {
  call: SyntaxNode;
  /** The conversion's offsets in the file, e.g. of `%px`; null when the format is not a literal in view. */
  conversion: { start: number; end: number; text: string } | null;
}

const CONVERSION = /%(%|[-+ #0]*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|z|j|t)?([diouxXcspfeEgGaAn])([A-Za-z]*))/g;

/** If `arg` is a value printed by a printk-style call, where and how. */
export function printedValue(review: ReviewContext, arg: SyntaxNode): PrintedValue | null {
  const list = review.parentOf(arg);
  const call = list?.type === 'argument_list' ? review.parentOf(list) : null;
  if (!call || !PRINTERS.test(calleeName(call) ?? '')) return null;
  const args = callArguments(call);
  const formatAt = args.findIndex((a) => a.type === 'string_literal');
  const index = args.findIndex((a) => a.id === arg.id);
  if (formatAt === -1 || index <= formatAt) return null;
  const format = args[formatAt]!;
  let k = index - formatAt - 1;
  for (const m of format.text.matchAll(CONVERSION)) {
    if (m[1] === '%') continue;
    if (m[2] === '*' || m[4] === '*') k--; // a width or precision argument
    if (k === 0) {
      // %p takes its extension letters (%px, %pK); other conversions take none.
      const text = m[6] === 'p' ? m[0] : m[0].slice(0, m[0].length - (m[7]?.length ?? 0));
      const start = format.startIndex + m.index!;
      return { call, conversion: { start, end: start + text.length, text } };
    }
    k--;
  }
  return { call, conversion: null };
}
