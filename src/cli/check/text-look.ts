import type { CheckArgs } from './args.js';
import type { Io } from '../shared/io.js';
import { colorPalette } from '../shared/color-choice.js';
import type { Palette } from '../../report/colors.js';

/** The look of a report on stdout: --color (auto: stdout a terminal, NO_COLOR, FORCE_COLOR) and --verbose. */
export function textLook(args: Pick<CheckArgs, 'color' | 'verbose'>, io: Io): { palette: Palette; verbose: boolean } {
  return { palette: colorPalette(args.color, io.stdoutIsTTY === true, io.env ?? {}), verbose: args.verbose };
}
