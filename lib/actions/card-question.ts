import { actionLabel } from '../content/embedded/action-label';
import { resolveLocale, translator } from '../i18n/translate';
import { generalSettingsItem } from '../settings/storage-items';
import { findAction } from './actions-store';

/** A block of text quoted as Markdown. */
export function quoteMarkdown(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * The card's question as a chat shows it: the action's name (in the UI
 * language) and the quoted selection or link. Built in the background from
 * the run itself, so what is stored as the user's question is what ran.
 */
export async function cardQuestion(actionId: string, quoted: string): Promise<string> {
  const t = translator(resolveLocale((await generalSettingsItem.getValue()).uiLanguage, navigator.language));
  const action = (await findAction(actionId)) ?? { id: actionId, name: actionId, builtin: true };
  const label = actionLabel(action, t);
  return `**${label}**\n\n${quoteMarkdown(quoted)}`;
}
