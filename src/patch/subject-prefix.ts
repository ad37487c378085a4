/** The bracket prefix of a patch mail subject: `[PATCH v2 3/5]`, `[RFC PATCH 1/2]`, `[PATCH net-next 0/4]`. */
export interface SubjectPrefix {
  /** The subject after the leading `Re:`s and bracket groups. */
  subject: string;
  /** n of n/N, when present. */
  number?: number;
  /** N of n/N, when present. */
  total?: number;
  /** v2 -> 2, when present. */
  version?: number;
  rfc: boolean;
}

/** Splits the leading bracket groups (like `git am` does) from the subject and reads n/N, vN and RFC in them. */
export function parseSubjectPrefix(raw: string): SubjectPrefix {
  let rest = raw.trim();
  const result: SubjectPrefix = { subject: '', rfc: false };
  for (;;) {
    const re = /^re:\s*/i.exec(rest);
    if (re) {
      rest = rest.slice(re[0].length);
      continue;
    }
    const group = /^\[([^\]]*)\]\s*/.exec(rest);
    if (!group) break;
    readGroup(group[1]!, result);
    rest = rest.slice(group[0].length);
  }
  result.subject = rest.trim();
  return result;
}

function readGroup(group: string, into: SubjectPrefix): void {
  for (const word of group.split(/[\s,]+/)) {
    const nOfN = /^(\d+)\/(\d+)$/.exec(word);
    if (nOfN && into.number === undefined) {
      into.number = Number(nOfN[1]);
      into.total = Number(nOfN[2]);
    }
    const version = /^v(\d+)$/i.exec(word);
    if (version && into.version === undefined) into.version = Number(version[1]);
    if (/^rfc$/i.test(word)) into.rfc = true;
  }
}
