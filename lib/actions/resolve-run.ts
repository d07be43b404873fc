import { AsideError } from '../messaging/errors';
import type { UntrustedNonce } from '../prompt/untrusted';
import { lastActionItem } from '../settings/secure-settings';
import type { Action } from './action';
import { type ActionStart, linkActionId, pageSummaryActionId } from './action-stream-protocol';
import { findAction } from './actions-store';
import { askAboutLinkTemplate, summarizePageTemplate } from './builtin-actions';
import { embeddedSettingsItem } from './embedded-settings';
import { fetchLinkText, linkSiteAllowed } from './link-page';
import { issueLinkRequest, linkRequestOf } from './link-requests';
import { renderTemplate, type TemplateValues, variablesIn } from './render-template';
import { defaultTargetLanguage } from './target-language';

export interface RunContext {
  /** The tab the run works on (the sender's own tab for the card), or null. */
  readonly tabId: number | null;
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
  | { readonly type: 'prompt'; readonly prompt: string; readonly hasUntrusted: boolean; readonly linkUrl?: string }
  | { readonly type: 'consent'; readonly url: string; readonly linkToken: string; readonly redirectedFrom?: string };

/** A selection beyond this is cut, visibly, before it reaches the prompt. */
const selectionTokenBudget = 16_000;
/** Redirects to other sites the user already allows, followed in a row before asking. */
const maxAllowedHops = 3;

async function templateOf(actionId: string): Promise<string> {
  if (actionId === pageSummaryActionId) return summarizePageTemplate;
  if (actionId === linkActionId) return askAboutLinkTemplate;
  const action: Action | undefined = await findAction(actionId);
  if (action?.kind !== 'prompt') throw new AsideError('not-found', `No action "${actionId}".`);
  await lastActionItem.setValue(action.id);
  return action.template;
}

type LinkOutcome =
  | Extract<ResolvedRun, { type: 'consent' }>
  | { type: 'text'; url: string; title: string; text: string };

/**
 * Reads the link the user picked (by its token, bound to this tab): at once
 * on a site allowed always, after "Allow once" otherwise. A redirect to
 * another site asks again for that URL, unless that site is allowed too.
 */
async function readLink(start: ActionStart, context: RunContext, token: string): Promise<LinkOutcome> {
  let link = await linkRequestOf(context.tabId, token);
  let allowedOnce = start.consent === 'once';
  for (let hop = 0; hop <= maxAllowedHops; hop++) {
    if (!allowedOnce && !(await linkSiteAllowed(link.url))) {
      return { type: 'consent', url: link.url, linkToken: link.token };
    }
    const read = await fetchLinkText(link.url, context.signal);
    if (read.kind === 'text') return { type: 'text', url: link.url, title: read.title, text: read.text };
    const from = link.url;
    link = await issueLinkRequest(link.tabId, read.to);
    allowedOnce = false;
    if (!(await linkSiteAllowed(link.url))) {
      return { type: 'consent', url: link.url, linkToken: link.token, redirectedFrom: from };
    }
  }
  throw new AsideError('page-unreadable', 'The link redirects through too many sites.');
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
  let linkUrl: string | undefined;
  if (start.actionId === linkActionId && !start.linkToken) {
    throw new AsideError('invalid-message', "Ask about a link from the link's own menu.");
  }
  if (start.linkToken) {
    const link = await readLink(start, context, start.linkToken);
    if (link.type === 'consent') return link;
    linkUrl = link.url;
    values['page.url'] = link.url;
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
  return {
    type: 'prompt',
    prompt: rendered.text,
    hasUntrusted: rendered.hasUntrusted,
    ...(linkUrl ? { linkUrl } : {}),
  };
}
