/** Content-Transfer-Encoding of a single-part mail body: quoted-printable and base64 decoded to text. */

function utf8(bytes: number[]): string {
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

export function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=[ \t]*\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = soft.codePointAt(i)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    if (code > 0xffff) i++;
    bytes.push(...new TextEncoder().encode(String.fromCodePoint(code)));
  }
  return utf8(bytes);
}

export function decodeBase64(body: string): string | null {
  try {
    return utf8(Array.from(atob(body.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The body decoded per the encoding; 7bit, 8bit, binary and unknown encodings come back unchanged. */
export function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.trim().toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return decodeBase64(body) ?? body;
    default:
      return body;
  }
}
