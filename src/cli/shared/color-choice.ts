import { COLORS, NO_COLORS, type Palette } from '../../report/colors.js';

export type ColorWhen = 'auto' | 'always' | 'never';
export const COLOR_WHENS: readonly ColorWhen[] = ['auto', 'always', 'never'];

/**
 * Whether to colour, as checkpatch's --color=WHEN with the conventions of no-color.org and
 * force-color.org: the option given wins; under auto a non-empty NO_COLOR turns colour off, a
 * FORCE_COLOR other than 0/false turns it on, else colour only on a terminal that is not dumb.
 */
export function colorPalette(when: ColorWhen, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Palette {
  return useColor(when, isTTY, env) ? COLORS : NO_COLORS;
}

export function useColor(when: ColorWhen, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (when !== 'auto') return when === 'always';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return isTTY && env.TERM !== 'dumb';
}
