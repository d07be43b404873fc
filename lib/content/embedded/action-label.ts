import type { Action } from '../../actions/action';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/translate';

const builtinNames: Record<string, MessageKey> = {
  summarize: 'action.summarize',
  explain: 'action.explain',
  translate: 'action.translate',
  polish: 'action.polish',
  grammar: 'action.grammar',
  shorter: 'action.shorter',
  ask: 'action.ask',
  save: 'action.save',
  // The page's and the link's context-menu entries (lib/actions/action-stream-protocol.ts).
  'page-summary': 'embedded.summarizePage',
  'ask-link': 'embedded.askLink',
};

/** An action's name in the UI language: built-ins are translated, user actions keep their own name. */
export function actionLabel(action: Pick<Action, 'id' | 'name' | 'builtin'>, t: Translate): string {
  const key = action.builtin ? builtinNames[action.id] : undefined;
  return key ? t(key) : action.name;
}

/** An action's glyph; an action without one shows its name's first letter. */
export function actionIcon(action: Pick<Action, 'id' | 'name' | 'builtin' | 'icon'>, t: Translate): string {
  if (action.icon.trim()) return action.icon;
  return [...actionLabel(action, t).trim()][0]?.toUpperCase() ?? '•';
}
