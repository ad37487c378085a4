import type { LegacyExpr } from './legacy-expressions.js';
import type { EvalEnv, HelperModel } from './outcome.js';
import type { PageState } from './states.js';

/**
 * A helper call being replaced, as an original for validate(): correct wherever it does not trip
 * a precondition and gives what it means (`meaning`, by default its own value); where it BUGs,
 * anything goes. A memcg reader means the page's memcg: a tail page belongs to its head's.
 */
export function helperAsOriginal(helper: HelperModel, env: EvalEnv, meaning?: (s: PageState) => string): LegacyExpr {
  const run = (s: PageState) => helper.eval(s, env);
  return {
    name: `${helper.name}()`,
    intended: (s) => {
      const out = run(s);
      return 'bug' in out ? '(no value: it BUGs)' : meaning ? meaning(s) : out.value;
    },
    legacy: (s) => {
      const out = run(s);
      return 'bug' in out ? out.bug : out.value;
    },
  };
}
