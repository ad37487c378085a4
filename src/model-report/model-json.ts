import type { ModelView } from './model-view.js';

/** The model of one generation as JSON: the view as it is (outcomes as `{kind, text}`). */
export function modelJson(view: ModelView): string {
  return `${JSON.stringify(view, null, 2)}\n`;
}
