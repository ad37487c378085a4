import { UserError } from './user-error.js';

/** The value of an option that counts something (bytes, milliseconds): a whole number from 1 up. */
export function positiveCount(name: string, value: string): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError(`bad value '${value}' for ${name} (a whole number from 1)`);
  return n;
}
