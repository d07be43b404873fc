import type { ContextKind } from '../capture/context-kind';
import type { PageContextInfo } from '../capture/page-context';
import { cutToTokenBudget } from '../capture/token-budget';
import { captureTab } from '../tabs/capture-tab';

export interface PromptPage {
  readonly title: string;
  readonly url: string;
  readonly lang: string | null;
  readonly text: string;
  readonly info: PageContextInfo;
  /** A PDF (lib/capture/context-kind.ts); absent: a web page. */
  readonly kind?: ContextKind;
}

/** Captures a tab and cuts its text to the budget; `info` is what the UI shows. */
export async function pageForPrompt(tabId: number, tokenBudget: number): Promise<PromptPage> {
  const page = await captureTab(tabId);
  const cut = cutToTokenBudget(page.markdown, tokenBudget);
  const info: PageContextInfo = {
    url: page.url,
    title: page.title,
    ...(page.favIconUrl ? { favIconUrl: page.favIconUrl } : {}),
    tokens: cut.tokens,
    totalTokens: cut.totalTokens,
    truncated: cut.truncated || page.cutAtCapture,
    method: page.method,
    lang: page.lang,
    ...(page.kind ? { kind: page.kind } : {}),
  };
  const kind = page.kind ? { kind: page.kind } : {};
  return { title: page.title, url: page.url, lang: page.lang, text: cut.text, info, ...kind };
}
