import type { Page } from 'playwright-core';

interface ExecutionContext {
  readonly id: number;
  readonly origin: string;
  readonly name: string;
  readonly auxData?: { readonly type?: string; readonly isDefault?: boolean };
}

/**
 * Evaluates an expression inside Aside's content script on a page: the
 * isolated world Chromium creates for the extension, found over CDP. Waits
 * for the content script to have run (it starts at document_idle).
 */
export async function evaluateInContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const deadline = Date.now() + 30_000;
    const findWorld = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
    let world = findWorld();
    while (!world) {
      if (Date.now() > deadline) throw new Error("Aside's content script is not running on this page");
      await new Promise((resolve) => setTimeout(resolve, 100));
      world = findWorld();
    }
    const result = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
  } finally {
    await cdp.detach();
  }
}
