import { cutToTokenBudget, estimateTokens } from '../capture/token-budget';
import type { FileFormat } from './file-format';
import type { LocalFile } from './local-file';

/** A file as it went into a question's prompt, stored with the question (the chat's context, not the library). */
export interface FileInPrompt {
  readonly name: string;
  readonly format: FileFormat;
  /** The text sent, cut to its share of the budget (the cut says so in the text). */
  readonly text: string;
  readonly tokens: number;
  readonly totalTokens: number;
  /** True when the text sent is not the whole file (the budget, or a limit when reading it). */
  readonly truncated: boolean;
  readonly pages?: number;
  readonly pagesRead?: number;
}

/**
 * Cuts the files of one question to a shared token budget (the page budget:
 * files together get what one page gets). Small files are sent whole and what
 * they leave goes to the larger ones, which share the rest equally; each cut
 * file says so in its text, as a long page does.
 */
export function cutFilesToBudget(files: readonly LocalFile[], budget: number): FileInPrompt[] {
  const sizes = files.map((file) => estimateTokens(file.markdown));
  const order = sizes.map((_, i) => i).sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0));
  const allowance = new Array<number>(files.length).fill(0);
  let left = budget;
  order.forEach((index, position) => {
    const share = Math.floor(left / (order.length - position));
    const given = Math.min(sizes[index] ?? 0, share);
    allowance[index] = given;
    left -= given;
  });
  return files.map((file, i) => {
    const cut = cutToTokenBudget(file.markdown, allowance[i] ?? 0);
    return {
      name: file.name,
      format: file.format,
      text: cut.text,
      tokens: cut.tokens,
      totalTokens: cut.totalTokens,
      truncated: cut.truncated || file.cut,
      ...(file.pages === undefined ? {} : { pages: file.pages }),
      ...(file.pagesRead === undefined ? {} : { pagesRead: file.pagesRead }),
    };
  });
}
