import { estimateTokens } from '../../lib/capture/token-budget';
import type { FileInPrompt } from '../../lib/files/files-budget';
import type { LocalFile } from '../../lib/files/local-file';
import type { Translate } from '../../lib/i18n/translate';

/** What a file line says after the name: its pages (a PDF), its size in tokens, and whether it was cut. */
export function fileFacts(file: LocalFile | FileInPrompt, t: Translate): string {
  const facts: string[] = [];
  if (file.pages !== undefined)
    facts.push(file.pages === 1 ? t('files.onePage') : t('files.pages', { pages: file.pages }));
  const tokens = 'tokens' in file ? file.tokens : estimateTokens(file.markdown);
  facts.push(t('files.tokens', { tokens }));
  if ('truncated' in file ? file.truncated : file.cut) facts.push(t('files.cut'));
  return facts.join(' · ');
}
