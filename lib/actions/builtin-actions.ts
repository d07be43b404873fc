import type { Action } from './action';

const everywhere: Action['surfaces'] = ['toolbar', 'contextMenu', 'sidePanel'];

const builtin = (action: Omit<Action, 'builtin' | 'enabled' | 'kind'> & Partial<Pick<Action, 'kind'>>): Action => ({
  kind: 'prompt',
  enabled: true,
  builtin: true,
  ...action,
});

/**
 * The actions Aside ships with. Ids are stable (stored settings refer to them);
 * names are shown translated by id in the UI (see `actionName`).
 */
export const builtinActions: readonly Action[] = [
  builtin({
    id: 'summarize',
    name: 'Summarize',
    icon: '∑',
    surfaces: everywhere,
    template: 'Summarize the following text in a few bullet points, in the language of the text.\n\n{{selection}}',
  }),
  builtin({
    id: 'explain',
    name: 'Explain',
    icon: '?',
    surfaces: everywhere,
    template:
      'Explain the following text simply and clearly. It comes from the page "{{page.title}}".\n\n{{selection}}',
  }),
  builtin({
    id: 'translate',
    name: 'Translate',
    icon: '文',
    surfaces: everywhere,
    template:
      'Translate the following text into {{language}}. Reply with the translation only, keeping its formatting.\n\n{{selection}}',
  }),
  builtin({
    id: 'polish',
    name: 'Rewrite / Polish',
    icon: '✎',
    surfaces: everywhere,
    template:
      'Rewrite the following text so that it reads clearly and naturally, keeping its meaning and language. Reply with the rewritten text only.\n\n{{selection}}',
  }),
  builtin({
    id: 'grammar',
    name: 'Fix grammar',
    icon: '✓',
    surfaces: everywhere,
    template:
      'Fix the spelling and grammar of the following text, changing as little as possible. Reply with the corrected text only.\n\n{{selection}}',
  }),
  builtin({
    id: 'shorter',
    name: 'Make shorter',
    icon: '↘',
    surfaces: everywhere,
    template:
      'Make the following text about half as long, keeping its key points and language. Reply with the shorter text only.\n\n{{selection}}',
  }),
  builtin({
    id: 'ask',
    name: 'Ask about this',
    icon: '❝',
    kind: 'ask',
    surfaces: ['toolbar', 'contextMenu'],
    template: '{{selection}}',
  }),
  builtin({
    id: 'save',
    name: 'Save selection to library',
    icon: '⤓',
    kind: 'save',
    surfaces: ['toolbar'],
    template: '',
  }),
];

/** Summarize-this-page, offered on the page's context menu (not a selection action). */
export const summarizePageTemplate =
  'Summarize this page in a few bullet points, in the language of the page.\n\n{{page.text}}';

/** Asking about a link: the link's page text is given as `page.*`. */
export const askAboutLinkTemplate =
  'Summarize the page behind this link ({{page.url}}) and say what it is about.\n\n{{page.text}}';
