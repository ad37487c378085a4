/** GitHub's limit for a check run's summary and text, and for a comment body. */
export const GITHUB_TEXT_LIMIT = 65_535;

/** Cuts text to at most `limit` characters, ending with a note when cut. */
export function truncate(text: string, limit: number, note = '\n\n… (cut to fit GitHub’s size limit)'): string {
  if (text.length <= limit) return text;
  if (limit <= note.length) return text.slice(0, limit);
  return text.slice(0, limit - note.length) + note;
}
