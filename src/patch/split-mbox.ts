import { decodeEncodedWords } from './encoded-words.js';
import { readHeaders } from './mail-headers.js';
import { parseSubjectPrefix, type SubjectPrefix } from './subject-prefix.js';
import { textLines, toLf } from './text-lines.js';
import { decodeBody } from './transfer-encoding.js';

/** One message of an input: a mail of a series, or a whole plain diff. */
export interface MailMessage {
  /** The message with LF line ends, from its `From ` separator line (if any) to the next one. */
  text: string;
  /** Offset in text where the body starts (after the headers; 0 for a plain diff). */
  bodyStart: number;
  /** False for a plain diff without mail headers. */
  isMail: boolean;
  /** The decoded Subject with its bracket prefix (`''` when absent). */
  rawSubject: string;
  /** The bracket prefix read from the subject; `prefix.subject` is the subject to keep. */
  prefix: SubjectPrefix;
  /** The decoded From header. */
  author?: string;
}

/** mbox `From ` separator: `From <sha> Mon Sep 17 00:00:00 2001` or `From <sender> <asctime date>`. */
const SEPARATOR = /^From (?:[0-9a-f]{40}\b|\S*\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b)/;
const HEADER_FIELD = /^[!-9;-~]+:/;

/** Offsets of the lines that start a message (mbox separators followed by a header line). */
function separatorStarts(text: string): number[] {
  const lines = textLines(text);
  const starts: number[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (SEPARATOR.test(line.text) && next && HEADER_FIELD.test(next.text)) starts.push(line.start);
  });
  return starts;
}

function readMessage(text: string): MailMessage {
  const headerStart = SEPARATOR.test(text) ? text.indexOf('\n') + 1 : 0;
  const headers = headerStart > 0 || HEADER_FIELD.test(text) ? readHeaders(text, headerStart) : null;
  if (!headers) {
    return { text, bodyStart: headerStart, isMail: false, rawSubject: '', prefix: parseSubjectPrefix('') };
  }
  const { fields, bodyStart } = headers;
  const body = decodeBody(text.slice(bodyStart), fields.get('content-transfer-encoding'));
  const rawSubject = decodeEncodedWords(fields.get('subject') ?? '');
  const from = fields.get('from');
  const message: MailMessage = {
    text: text.slice(0, bodyStart) + toLf(body),
    bodyStart,
    isMail: true,
    rawSubject,
    prefix: parseSubjectPrefix(rawSubject),
  };
  if (from !== undefined) message.author = decodeEncodedWords(from);
  return message;
}

/**
 * Splits an input (a format-patch file, an mbox with a series, or a plain diff) into messages.
 * CRLF becomes LF first. Text before the first separator is a message of its own unless blank.
 */
export function splitMbox(input: string): MailMessage[] {
  const text = toLf(input);
  const starts = separatorStarts(text);
  if (starts[0] !== 0) starts.unshift(0);
  const messages: MailMessage[] = [];
  starts.forEach((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    if (chunk.trim() !== '') messages.push(readMessage(chunk));
  });
  return messages;
}
