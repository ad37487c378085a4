/** One call the harness makes on every page state, for one helper of the model. */
export interface HarnessCase {
  /** The model's name of the helper (`page_memcg`, `!set_page_objcgs`, `folio_memcg_rcu(page_folio())`). */
  helper: string;
  /** The C expression evaluated on `page` (a `struct page *` set up for the state). */
  call: string;
  /** How its value is read back: a pointer named after the object it points to, or a truth value. */
  result: 'pointer' | 'truth';
  /** The header's functions the call names: the harness needs them and what they use. */
  roots: string[];
  /** The model of the generation has this helper (else the tree defines one the preset lacks: measured, not compared). */
  inModel: boolean;
  /** What the helper is called on: the page, or the page taken as a folio. */
  takes: 'page' | 'folio';
}

/** A model helper the harness does not run on this tree, and why. */
export interface SkippedHelper {
  helper: string;
  reason: string;
}
