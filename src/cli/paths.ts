/**
 * Files the CLI finds beside its own code, all named from this folder (dist/cli), where both the
 * compiled main.js and its bundle (scripts/bundle.mjs writes the bundle over it) live. A path taken
 * relative to a deeper module would point elsewhere once that module is bundled into main.js.
 */
const here = (relative: string): URL => new URL(relative, import.meta.url);

export const PACKAGE_JSON = here('../../package.json');
/** The rule pages (docs/rules/ID.md), linked from the HTML report. */
export const RULE_DOCS = here('../../docs/rules/');
/** The audit's worker thread (bundled too). */
export const REVIEW_WORKER = here('./audit/review-worker.js');
/** The CLI itself, as hooks and the Action run it. */
export const CLI_MAIN = here('./main.js');
