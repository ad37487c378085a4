import { DEFAULT_CORE_FILES, DEFAULT_LIMITS, TARGETS } from '../types.js';

/** The commands, each with the line the top-level help gives it. */
export const COMMAND_LINES: readonly (readonly [string, string])[] = [
  ['check', 'review patches, a git format-patch series, a git range or C files (checkpatch style)'],
  ['audit', 'audit a whole kernel tree: every finding, with the fixes the model proved'],
  ['model', 'print the model of page->memcg_data for an API generation, or --explain a helper'],
  ['model verify', "hold the model against a tree's own helpers, compiled and run"],
  ['install-hook', 'install a git sendemail-validate hook that runs check on every patch sent'],
];

/** The command names, for "did you mean". */
export const COMMAND_NAMES: readonly string[] = [...new Set(COMMAND_LINES.map(([name]) => name.split(' ')[0]!))];

/** `memcg-review --help`: every command with one line, and where each command's options are. */
export const TOP_HELP = `Usage: memcg-review COMMAND [options]
       memcg-review --help | --version

Reviews Linux kernel patches, series and trees for open-coded memory-cgroup accesses
(page->mem_cgroup, page->memcg_data, ...) and proposes the right helper.

Commands:
${COMMAND_LINES.map(([name, line]) => `  ${name.padEnd(14)}${line}`).join('\n')}

Run memcg-review COMMAND --help for a command's options.
Example: memcg-review check --tree ~/linux 0001-mm-convert.patch

Exit codes:
  0  nothing at or above --fail-on (with --fix/--diff: nothing left after fixing)
  1  findings at or above --fail-on
  2  usage or input error (unknown option, unreadable file, directory as file, ...)
  3  internal error (a bug in memcg-review, or a file the reviewer failed on)
`;

export const HELP = `Usage: memcg-review check [options] [FILE... | -]
       memcg-review check [options] --git RANGE
       memcg-review install-hook [--fail-on LEVEL] [--force] [--print]
       memcg-review model [--target GEN|auto] [--explain HELPER] | model verify --tree DIR
       memcg-review --help | --version

Reviews Linux kernel patches (and C files) for open-coded memory-cgroup accesses
(page->mem_cgroup, page->memcg_data, ...) and proposes the right helper.

Inputs:
  FILE                  a patch, diff, git format-patch mail or mbox (.patch, .diff,
                        .mbox, or anything that looks like one): the lines it adds
                        are reviewed; or a C file (.c, .h), reviewed whole
  -                     read a patch from stdin (also when no FILE is given and
                        stdin is not a terminal)

Options:
  --target GEN          API generation to review against (default v5.11):
                        ${TARGETS.join(', ')}, or auto: read from --tree's headers
  --tree DIR            kernel tree the patches apply to: files are read from it to
                        build full post-images (never outside DIR); C FILEs are paths
                        in the tree (relative to DIR or to the current directory)
  --format text|json|checkpatch|b4
                        report format (default text); checkpatch: checkpatch.pl's
                        layout (TYPE is the rule id: MEMCG_FIELD_READ); b4: the JSON
                        list b4's review CI commands print
  --terse, --emacs, --showfile, --no-summary, --strict
                        checkpatch.pl's variants of that layout (--format checkpatch);
                        --strict: CHECKs alone also make the verdict "please review"
  --color[=WHEN]        colour the report and the diff: auto (default: on a terminal,
                        unless NO_COLOR is set; FORCE_COLOR forces it), always, never;
                        --no-color is --color=never
  --verbose             print every finding's explanation and every fix's (by default
                        each is printed once, under the first finding that has it)
  --types ID[,ID...]    report (and fix) only these rules; ids as in docs/rules/ or in
                        checkpatch's spelling; repeatable
  --ignore ID[,ID...]   leave these rules out; repeatable
  --git RANGE           review the commits of a range as a series, files read from the
                        repository: A..B, A...B, REV (one commit), REV-N (N commits
                        ending at REV); merges left out; no FILE, no --tree, no --fix
  --fix                 apply the proven fixes: patch files get fixed added lines, C
                        files are fixed; files are rewritten in place, atomically (a
                        patch from stdin is printed to stdout, the report then goes to
                        stderr); then reports what was fixed and what remains
  --fix=assumed         the same, with the assumed fixes too (proven only under what a
                        function's name or file suggests, which each one states)
  --diff                print the proven fixes as a unified diff (paths in the tree) on
                        stdout, and nothing else; --diff=assumed adds the assumed ones
  --fail-on error|warning|info
                        lowest severity that makes the exit code 1 (default warning)
  --core GLOB           a file allowed to write the memcg word, added to the defaults
                        (${DEFAULT_CORE_FILES.join(', ')}); repeatable, * globs allowed
  --max-file-size BYTES a C file (given, or built from a patch) larger than this is
                        not reviewed, with a note (default ${DEFAULT_LIMITS.maxBytes})
  --parse-timeout MS    a file whose parse takes longer is not reviewed, with a note
                        (default ${DEFAULT_LIMITS.maxParseMillis})
  --review-timeout MS   a file whose review takes longer after its parse is not
                        reviewed, with a note (default ${DEFAULT_LIMITS.maxReviewMillis})
  -h, --help            show this help
  --version             show the version

Exit codes:
  0  nothing at or above --fail-on (with --fix/--diff: nothing left after fixing)
  1  findings at or above --fail-on
  2  usage or input error (unknown option, unreadable file, directory as file, ...)
  3  internal error (a bug in memcg-review, or a file the reviewer failed on)
`;
