import { UserError } from './user-error.js';

/** An option's value, which must be one of `allowed` (`more` are other accepted words, named in the error). */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], more: readonly string[] = []): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`bad value '${value}' for ${name} (one of: ${[...allowed, ...more].join(', ')})`);
}
