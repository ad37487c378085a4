import { TARGETS } from '../../types.js';

export const MODEL_HELP = `Usage: memcg-review model [--target GEN|auto] [--tree DIR] [--format text|markdown|json]
       memcg-review model --explain HELPER [--target GEN|auto] [--tree DIR]
       memcg-review model verify --tree DIR [--target GEN|auto] [--format text|json]

Prints the executable model of the page->memcg_data binding for one API generation:
what each page state stores in the word, and every helper's outcome on every state
(a value, or BUG / WARN with the precondition that trips).

Options:
  --target GEN|auto     API generation (default v5.11, or auto when --tree is given):
                        ${TARGETS.join(', ')}; auto reads it from the tree's headers
  --tree DIR            kernel tree whose headers tell the generation (with auto);
                        the helper table is then the tree's own, measured as by verify
  --format FORMAT       text (default), markdown or json; verify: text or json
  --explain HELPER      says in plain words what HELPER takes, returns on each state
                        and when it BUGs or WARNs
  -h, --help            show this help

verify: holds the model against a tree's own helpers. Takes the helper definitions
from DIR/include/linux/memcontrol.h (the CONFIG_MEMCG / CONFIG_MEMCG_KMEM variants),
compiles them with cc (or $CC) in a harness that stubs the kernel around them, runs
each on every page state, under rcu_read_lock() and outside it, and compares the
outcomes with the model of the generation (default: read from the tree). Every reader
of the word the header defines runs; those the model lacks are measured, not compared.
The verdict names every helper left out. audit and check --tree validate fixes by
this measured table (the preset when there is no cc).

Exit codes:
  0  printed (verify: the helpers run agree with the model on every state)
  1  verify: at least one helper disagrees with the model (each disagreement is listed)
  2  usage or input error (unknown generation or helper, no memcontrol.h, no cc, ...)
  3  internal error
`;
