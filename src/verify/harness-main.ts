import type { HarnessCase } from './harness-case.js';

/** The objects the states point to, and how a returned pointer is named back (a tag in the low bits is kept). */
export const HARNESS_OBJECTS = String.raw`static struct mem_cgroup harness_memcg;
static struct obj_cgroup harness_objcg = { .memcg = &harness_memcg };
static struct obj_cgroup *harness_objcgs[2] __attribute__((aligned(8)));
static struct obj_cgroup *harness_new_objcgs[2] __attribute__((aligned(8)));
static struct page harness_head, harness_page;
static char harness_value[64];

static void harness_pointer(const void *p)
{
	unsigned long v = (unsigned long)p, base = v & ~7UL, tag = v & 7UL;
	const char *name = base == (unsigned long)&harness_memcg ? "memcg" :
			   base == (unsigned long)&harness_objcg ? "objcg" :
			   base == (unsigned long)harness_objcgs ? "objcgs" :
			   base == (unsigned long)harness_new_objcgs ? "new objcgs" :
			   base == (unsigned long)&harness_head ? "head page" :
			   base == (unsigned long)&harness_page ? "page" : NULL;

	if (v == 0)
		snprintf(harness_value, sizeof(harness_value), "NULL");
	else if (!name)
		snprintf(harness_value, sizeof(harness_value), "pointer %#lx", v);
	else if (tag)
		snprintf(harness_value, sizeof(harness_value), "%s|%#lx", name, tag);
	else
		snprintf(harness_value, sizeof(harness_value), "%s", name);
}

static void harness_truth(long v)
{
	snprintf(harness_value, sizeof(harness_value), "%s", v ? "true" : "false");
}

static void harness_fault(int sig)
{
	harness_tripped = sig == SIGSEGV ? "SIGSEGV" : "SIGBUS";
	siglongjmp(harness_jump, 2);
}
`;

/** One function per case, and the table main() runs. */
export function caseTable(cases: readonly HarnessCase[]): string {
  const fns = cases.map((c, i) => {
    const read = c.result === 'pointer' ? `harness_pointer((const void *)(${c.call}))` : `harness_truth((long)(${c.call}))`;
    return `static void harness_case_${i}(struct page *page)\n{\n\t${read};\n}`;
  });
  const rows = cases.map((c, i) => `\t{ ${JSON.stringify(c.helper)}, harness_case_${i} },`);
  return [
    ...fns,
    '',
    'static const struct {',
    '\tconst char *helper;',
    '\tvoid (*run)(struct page *page);',
    '} harness_cases[] = {',
    ...rows,
    '};',
  ].join('\n');
}

/**
 * Runs every case on every state, under rcu_read_lock() and outside it, and prints one line each:
 * helper, state, 1|0 (under RCU), kind (value, BUG, WARN, FAULT), the value or the condition.
 */
export const HARNESS_MAIN = String.raw`int main(void)
{
	struct sigaction sa;
	size_t c;
	int s, rcu;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = harness_fault;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	for (c = 0; c < sizeof(harness_cases) / sizeof(harness_cases[0]); c++) {
		for (s = 0; s < (int)(sizeof(harness_states) / sizeof(harness_states[0])); s++) {
			for (rcu = 1; rcu >= 0; rcu--) {
				struct page *page = harness_setup(s);
				int jumped;
				const char *kind, *text;

				harness_rcu_held = rcu;
				harness_rcu_depth = 0;
				harness_tripped = NULL;
				harness_warned = NULL;
				harness_value[0] = '\0';
				jumped = sigsetjmp(harness_jump, 1);
				if (!jumped)
					harness_cases[c].run(page);
				kind = jumped == 1 ? "BUG" : jumped == 2 ? "FAULT" : harness_warned ? "WARN" : "value";
				text = jumped ? harness_tripped : harness_warned ? harness_warned : harness_value;
				printf("%s\t%s\t%d\t%s\t%s\n", harness_cases[c].helper, harness_states[s], rcu, kind, text);
			}
		}
	}
	return 0;
}
`;
