/** A usage or input error: reported as one line on stderr, exit code 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
