import type { FileInPrompt } from '../files/files-budget';
import { type UntrustedNonce, wrapUntrusted } from './untrusted';

/**
 * The files attached to a question, each wrapped as untrusted content with
 * this request's nonce (a file is as untrusted as a web page: anyone may have
 * written it), before the question's own text.
 */
export function withAttachedFiles(files: readonly FileInPrompt[] | undefined, text: string, nonce: UntrustedNonce) {
  if (!files || files.length === 0) return text;
  const blocks = files.map((file) =>
    wrapUntrusted(file.text, { kind: file.format === 'pdf' ? 'PDF file' : 'file', title: file.name }, nonce),
  );
  return `${blocks.join('\n\n')}\n\n${text}`;
}

/** The system prompt's line when a conversation carries attached files. */
export const attachedFilesRule =
  'The user attached local files to their messages; each file\u2019s text is given in its own block, titled with ' +
  'the file name (a PDF\u2019s pages after lines [Page N]). Base answers about "this file" or "the document" on them.';
