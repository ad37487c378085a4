/** A rule id in checkpatch's spelling of message types: `memcg-field-read` -> `MEMCG_FIELD_READ`. */
export function checkpatchType(ruleId: string): string {
  return ruleId.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
