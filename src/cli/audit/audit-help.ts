import { DEFAULT_CORE_FILES, DEFAULT_LIMITS, DEFAULT_OPTIONS, TARGETS } from '../../types.js';
import { AUDIT_FORMATS, MAX_JOBS } from './audit-args.js';

export const AUDIT_HELP = `Usage: memcg-review audit DIR [options]

Audits a whole kernel tree for open-coded memory-cgroup accesses: walks DIR's .c and .h
files (symbolic links are never followed, folders starting with '.' are skipped), parses
only the files that name a relevant token, on worker threads, and reports every finding
with the fix the model proved. Paths in the reports are relative to DIR.

Options:
  --target GEN|auto     API generation to review against (default ${DEFAULT_OPTIONS.target}):
                        ${TARGETS.join(', ')}; auto reads the API from DIR's headers
                        (memcontrol.h, mm_types.h, mm.h, page-flags.h, mm/slab.h):
                        the helpers and flags they define, the nearest preset explains
  --format FMT          report format: ${AUDIT_FORMATS.join(', ')} (default text)
  -o, --output FILE     write the report (or the --diff patch) to FILE, atomically,
                        instead of stdout
  --fix                 apply every proven fix in place, atomically per file and only
                        inside DIR; the report then shows what remains
  --fix=assumed         the same, with the assumed fixes too (proven only under what a
                        function's name or file suggests: review the result)
  --diff                print every proven fix as one patch (git apply / patch -p1 in
                        DIR) and nothing else; --diff=assumed adds the assumed ones
  -j, --jobs N          worker threads that parse and review (default: one per core,
                        at most ${MAX_JOBS}); 1 reviews on the main thread
  --include GLOB        audit only matching files (repeatable); a glob without '/'
                        matches the file name at any depth (*.h), one with '/' the path
                        in DIR (drivers/gpu/**); * within a name, ** across folders
  --exclude GLOB        skip matching files and folders (repeatable), same globs
  --fail-on error|warning|info
                        lowest severity that makes the exit code 1 (default warning)
  --baseline DIR        the upstream tree the fork is based on: findings on code identical
                        there are shown apart as upstream and do not fail the audit
  --measure             compile and run the tree's own helpers of include/linux/memcontrol.h
                        with cc (as model verify does) and validate fixes by what they
                        do; only on a tree you trust (default: the generation's preset)
  --core GLOB           a file allowed to write the memcg word, added to the defaults
                        (${DEFAULT_CORE_FILES.join(', ')}); repeatable
  --max-file-size N     a file over N characters is not parsed, with a note
                        (default ${DEFAULT_LIMITS.maxBytes})
  --parse-timeout MS    a parse running past MS milliseconds is given up, with a
                        note (default ${DEFAULT_LIMITS.maxParseMillis})
  --review-timeout MS   a file's review running past MS milliseconds after its parse
                        is given up, with a note (default ${DEFAULT_LIMITS.maxReviewMillis})
  --prefilter auto|grep|js
                        who searches every file for the relevant tokens before any is
                        parsed: the system's grep (grep -rlE) or JavaScript; auto (the
                        default) uses grep when it runs and JavaScript otherwise. Both
                        give the same files, so the same report
  -h, --help            show this help

A progress line (files scanned, parsed, findings) goes to stderr when it is a terminal.

Exit codes:
  0  nothing at or above --fail-on (with --fix/--diff: nothing left after fixing)
  1  findings at or above --fail-on
  2  usage or input error (bad option, DIR unreadable, generation not detected or not
     supported yet)
  3  internal error (a bug in memcg-review, or a file the reviewer failed on)
`;
