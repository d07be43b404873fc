import type { CapturedPage } from '../capture/page-context';
import { type UntrustedNonce, wrapToolOutput } from '../prompt/untrusted';

/** Longest text one tool result carries, so one page cannot fill the model's context. */
export const maxToolTextChars = 30_000;

/** Cuts text to the tool result limit, saying so, so the model knows it did not see everything. */
export function clip(text: string, max = maxToolTextChars): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[… cut: ${text.length - max} more characters]`;
}

/** A captured page as a tool result: wrapped as untrusted (with the run's nonce), with its title and URL. */
export function pageResult(
  tool: string,
  page: Pick<CapturedPage, 'title' | 'url' | 'markdown'>,
  nonce: UntrustedNonce,
): string {
  return wrapToolOutput(tool, clip(page.markdown), { title: page.title, url: page.url }, nonce);
}
