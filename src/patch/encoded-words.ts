/** RFC 2047 encoded words (`=?utf-8?q?...?=`, `=?UTF-8?B?...?=`) in header values. */

const ENCODED_WORD = /=\?([^?\s]+)\?([qQbB])\?([^?\s]*)\?=/g;

function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = charset.replace(/\*.*$/, ''); // RFC 2231 language suffix
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function qBytes(encoded: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i]!;
    const hex = encoded.slice(i + 1, i + 3);
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(bytes);
}

function bBytes(encoded: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function decodeWord(word: string, charset: string, encoding: string, encoded: string): string {
  const bytes = encoding.toLowerCase() === 'q' ? qBytes(encoded) : bBytes(encoded);
  return bytes ? decodeBytes(bytes, charset) : word;
}

/** Decodes every encoded word; whitespace between two adjacent encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?[^?\s]+\?[qQbB]\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (word: string, charset: string, enc: string, text: string) => decodeWord(word, charset, enc, text));
}
