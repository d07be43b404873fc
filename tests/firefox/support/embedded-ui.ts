import type { Page } from 'puppeteer-core';
import { type BidiSend, contextOf } from './firefox';

interface Evaluated {
  readonly type: 'success' | 'exception';
  readonly result?: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text: string };
}

/**
 * Aside's in-page toolbar and card in Firefox, inside their closed shadow
 * root. WebDriver BiDi serializes a node's closed shadow root when asked
 * (`includeShadowTree: 'all'`) and hands back a reference to it; functions
 * called with that reference read the UI (in the page's realm: they only
 * read the DOM). Clicks are BiDi input actions, the real mouse, at the
 * button's computed centre.
 */
export class FirefoxEmbeddedUi {
  constructor(
    private readonly page: Page,
    private readonly bidi: BidiSend,
  ) {}

  /** The closed shadow root's shared reference, or null while Aside's UI is not in the page. */
  private async root(): Promise<string | null> {
    const { result } = (await this.bidi('script.evaluate', {
      expression: "document.querySelector('aside-embedded')",
      target: { context: contextOf(this.page) },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    })) as { result: { result?: { value?: { shadowRoot?: { sharedId?: string } } } } };
    return result.result?.value?.shadowRoot?.sharedId ?? null;
  }

  /**
   * Calls `fn(root, ...args)` (source text) on the shadow root and returns
   * its JSON-able result; null while there is no root.
   */
  private async call<T>(fn: string, ...args: string[]): Promise<T | null> {
    const root = await this.root();
    if (root === null) return null;
    const { result } = (await this.bidi('script.callFunction', {
      // JSON text back: BiDi's own serialization of objects is a list of key/value pairs.
      functionDeclaration: `(root, ...args) => JSON.stringify((${fn})(root, ...args) ?? null)`,
      arguments: [{ sharedId: root }, ...args.map((value) => ({ type: 'string', value }))],
      target: { context: contextOf(this.page) },
      awaitPromise: false,
      resultOwnership: 'none',
    })) as { result: Evaluated };
    if (result.type === 'exception') throw new Error(`In the shadow root: ${result.exceptionDetails?.text}`);
    return JSON.parse(String(result.result?.value ?? 'null')) as T | null;
  }

  /** The visible text of the first element matching `selector`, or ''. */
  async text(selector: string): Promise<string> {
    return (await this.call<string>('(root, s) => root.querySelector(s)?.innerText ?? ""', selector)) ?? '';
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return this.call<string>('(root, s, n) => root.querySelector(s)?.getAttribute(n) ?? null', selector, name);
  }

  async count(selector: string): Promise<number> {
    return (await this.call<number>('(root, s) => root.querySelectorAll(s).length', selector)) ?? 0;
  }

  /** Accessible names (aria-label, else title, else text) of the buttons under `scope`. */
  async buttonNames(scope: string): Promise<string[]> {
    return (
      (await this.call<string[]>(
        `(root, s) => [...root.querySelectorAll(s + ' button')].map((b) =>
          (b.getAttribute('aria-label') || b.getAttribute('title') || b.innerText).trim())`,
        scope,
      )) ?? []
    );
  }

  /** Clicks, with the mouse, the button under `scope` named `name`, waiting up to 15 s for it. */
  async clickButton(scope: string, name: string): Promise<void> {
    for (let waited = 0; waited < 15_000; waited += 100) {
      const centre = await this.call<{ x: number; y: number } | null>(
        `(root, s, name) => {
          const button = [...root.querySelectorAll(s + ' button')].find((b) =>
            (b.getAttribute('aria-label') || b.getAttribute('title') || b.innerText).trim() === name);
          if (!button) return null;
          button.scrollIntoView({ block: 'nearest' });
          const box = button.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }`,
        scope,
        name,
      );
      if (centre) {
        await this.page.mouse.click(centre.x, centre.y);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No button "${name}" in ${scope}: ${(await this.buttonNames(scope)).join(', ')}`);
  }
}
