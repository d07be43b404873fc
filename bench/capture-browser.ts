/**
 * The browser side of the capture eval: asking a tab's content script for a
 * capture the way the background does, and timing bare Readability in the
 * same tab as the baseline.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type CapturedPage, capturedPageSchema } from '../lib/capture/page-context';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';

/** The extension APIs used here, beyond those the E2E tests type. */
type EvalGlobal = ExtensionGlobal & {
  chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
};

/** What the content script answers: lib/messaging/requests.ts's Reply. */
type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; detail?: unknown } };

export type CaptureOutcome = { ok: true; page: CapturedPage } | { ok: false; error: string };

/** Rejects after `ms`; the timer is cleared either way so it never holds the process open. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends `page.capture` to the content script of the tab showing `url`, from an
 * extension page, as lib/tabs/capture-tab.ts does from the background. The
 * content script runs at document_idle, which may come just after `load`, so
 * "no receiving end" is retried for a few seconds.
 */
export async function captureInTab(extensionPage: Page, url: string): Promise<CaptureOutcome> {
  const reply = await extensionPage.evaluate(async (pageUrl): Promise<Reply> => {
    const { chrome } = globalThis as unknown as EvalGlobal;
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (tab?.id === undefined) return { ok: false, error: { code: 'eval', message: `no tab shows ${pageUrl}` } };
    const envelope = { aside: 1, type: 'page.capture', payload: {} };
    for (let attempt = 0; ; attempt++) {
      try {
        return (await chrome.tabs.sendMessage(tab.id, envelope)) as Reply;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (attempt >= 100 || !message.includes('Receiving end does not exist')) {
          return { ok: false, error: { code: 'eval', message } };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }, url);
  if (!reply.ok) return { ok: false, error: `${reply.error.code}: ${reply.error.message}` };
  const parsed = capturedPageSchema.safeParse(reply.value);
  return parsed.success ? { ok: true, page: parsed.data } : { ok: false, error: `bad reply: ${parsed.error.message}` };
}

const readabilitySource = fs.readFileSync(
  createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
  'utf8',
);

/**
 * Milliseconds of `new Readability(document.cloneNode(true)).parse()` in the
 * tab's main world. Readability's script goes in through CDP rather than
 * `page.addScriptTag`: the corpus pages' CSP (default-src 'self', no
 * 'unsafe-inline') blocks the inline <script> addScriptTag writes, while CDP
 * evaluation is exempt, and the page's DOM stays untouched.
 */
export async function rawReadabilityMs(tab: Page): Promise<number> {
  await tab.evaluate(`${readabilitySource}\n;globalThis.__asideBenchReadability = Readability; undefined`);
  return tab.evaluate(() => {
    const Readability = (
      globalThis as unknown as { __asideBenchReadability: new (document: Document) => { parse(): unknown } }
    ).__asideBenchReadability;
    const started = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - started;
  });
}
