import { AsideError } from '../messaging/errors';
import type { UntrustedNonce } from '../prompt/untrusted';
import type { Action } from './action';
import { type ActionStart, linkActionId, pageSummaryActionId } from './action-stream-protocol';
import { findAction, lastActionItem } from './actions-store';
import { askAboutLinkTemplate, summarizePageTemplate } from './builtin-actions';
import { embeddedSettingsItem } from './embedded-settings';
import { allowFetchSite, fetchAllowed, fetchLinkText } from './link-page';
import { renderTemplate, type TemplateValues, variablesIn } from './render-template';
import { defaultTargetLanguage } from './target-language';

export interface RunContext {
  readonly pageTitle: string;
  readonly pageUrl: string;
  readonly pageTokenBudget: number;
  readonly signal: AbortSignal;
  /** The request's untrusted-content nonce, the one its system prompt names. */
  readonly nonce: UntrustedNonce;
  /** The tab's page text, captured only when the template asks for it. */
  capturePage(): Promise<string>;
}

export type ResolvedRun =
  | { readonly type: 'prompt'; readonly prompt: string; readonly hasUntrusted: boolean }
  | { readonly type: 'consent'; readonly url: string };

/** A selection beyond this is cut, visibly, before it reaches the prompt. */
const selectionTokenBudget = 16_000;

async function templateOf(actionId: string): Promise<string> {
  if (actionId === pageSummaryActionId) return summarizePageTemplate;
  if (actionId === linkActionId) return askAboutLinkTemplate;
  const action: Action | undefined = await findAction(actionId);
  if (action?.kind !== 'prompt') throw new AsideError('not-found', `No action "${actionId}".`);
  await lastActionItem.setValue(action.id);
  return action.template;
}

/** Turns an action start into the prompt to send: template, variables, page or link text, consent. */
export async function resolveRun(start: ActionStart, context: RunContext): Promise<ResolvedRun> {
  const template = await templateOf(start.actionId);
  const used = variablesIn(template);
  const values: { -readonly [K in keyof TemplateValues]: TemplateValues[K] } = {
    selection: start.selection,
    'page.title': context.pageTitle,
    'page.url': context.pageUrl,
    ...(start.input ? { input: start.input } : {}),
  };
  if (start.linkUrl) {
    if (!start.consent && !(await fetchAllowed(start.linkUrl))) return { type: 'consent', url: start.linkUrl };
    if (start.consent === 'always') await allowFetchSite(start.linkUrl);
    const link = await fetchLinkText(start.linkUrl, context.signal);
    values['page.url'] = start.linkUrl;
    values['page.title'] = link.title;
    values['page.text'] = link.text;
  } else if (used.includes('page.text')) {
    values['page.text'] = await context.capturePage();
  }
  if (used.includes('language')) {
    const { translateTo } = await embeddedSettingsItem.getValue();
    values.language =
      translateTo === 'auto' ? defaultTargetLanguage(start.selection || (values['page.text'] ?? '')) : translateTo;
  }
  const rendered = renderTemplate(template, values, {
    pageTokenBudget: context.pageTokenBudget,
    selectionTokenBudget,
    nonce: context.nonce,
  });
  return { type: 'prompt', prompt: rendered.text, hasUntrusted: rendered.hasUntrusted };
}
