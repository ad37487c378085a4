/**
 * Text of a pull request (a commit subject, a file name, GitHub's error text) placed in the App's
 * Markdown: HTML in it would be rendered or, as an open `<!--`, hide everything after it up to the
 * App's own marker; an `@name` in a review comment would notify that user or team in the bot's name.
 * `&`, `<`, `>` become entities and `@` is followed by a word joiner, so it reads the same and does nothing.
 */
export function inertText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u2060');
}
