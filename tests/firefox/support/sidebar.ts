import type { Page } from 'puppeteer-core';
import { type AsideFirefox, browserActionId, sidebarId } from './firefox';

/**
 * Aside's real sidebar in Firefox. WebDriver BiDi lists tabs only (the
 * sidebar is no browsing context of its own) and refuses input actions in
 * the browser window's chrome scope, so the sidebar's page is reached from
 * another Aside page, in the same extension process and origin, through
 * `browser.extension.getViews({ type: 'sidebar' })`: its DOM is read there,
 * and clicks and typing are DOM events (untrusted, which React handles as
 * it does a person's; nothing in the sidebar checks `isTrusted`).
 */
export class Sidebar {
  constructor(
    private readonly aside: AsideFirefox,
    /** An Aside page in a background tab: the privileged context the sidebar is driven from. */
    private readonly driver: Page,
  ) {}

  /** Whether the browser window shows Aside's sidebar. */
  isOpen(): Promise<boolean> {
    return this.aside.chrome(
      `SidebarController.isOpen && SidebarController.currentID === ${JSON.stringify(sidebarId)}`,
    );
  }

  /**
   * Clicks Aside's toolbar button as its command runs on a click (the button
   * is put on the toolbar first: Firefox keeps new add-ons' buttons in the
   * extensions menu). Aside's background toggles the sidebar on that click.
   */
  async clickToolbarButton(): Promise<void> {
    await this.aside.chrome(`(() => {
      CustomizableUI.addWidgetToArea(${JSON.stringify(browserActionId)}, CustomizableUI.AREA_NAVBAR);
      document.querySelector('#${browserActionId} .unified-extensions-item-action-button').doCommand();
    })()`);
  }

  /**
   * Runs `fn(document, window)` in the sidebar's page, given as source text
   * (it runs in the browser, not in Node). Returns null while no sidebar is open.
   */
  run<T>(fn: string, ...args: unknown[]): Promise<T | null> {
    // Sent as one expression: BiDi evaluates it as a debugger does, past the page's CSP (an eval inside would not be).
    return this.driver.evaluate(`(() => {
      const view = browser.extension.getViews({ type: 'sidebar' })[0];
      return view ? (${fn})(view.document, view, ...${JSON.stringify(args)}) : null;
    })()`) as Promise<T | null>;
  }

  /** The visible text of the last element matching `selector`, or ''. */
  async text(selector: string): Promise<string> {
    return (await this.run<string>('(d, w, s) => [...d.querySelectorAll(s)].at(-1)?.innerText ?? ""', selector)) ?? '';
  }

  /** An attribute of the last element matching `selector`, or null. */
  attribute(selector: string, name: string): Promise<string | null> {
    return this.run<string>(
      '(d, w, s, n) => [...d.querySelectorAll(s)].at(-1)?.getAttribute(n) ?? null',
      selector,
      name,
    );
  }

  /**
   * Clicks the first control (button, tab, label, link) whose accessible name
   * (aria-label, else text) is `name`, or matches it when it is a RegExp.
   */
  async click(name: string | RegExp): Promise<void> {
    const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
    const clicked = await this.run<boolean>(
      `(d, w, pattern) => {
        const named = (e) => new RegExp(pattern).test((e.getAttribute('aria-label') || e.textContent || '').trim());
        const target = [...d.querySelectorAll('button, [role=tab], label, a')].find(named);
        target?.click();
        return Boolean(target);
      }`,
      pattern,
    );
    if (!clicked) throw new Error(`No control named ${String(name)} in the sidebar`);
  }

  /** Types a question into the composer and sends it with Enter. */
  async ask(question: string): Promise<void> {
    const sent = await this.run<boolean>(
      `(d, w, question) => {
        const box = [...d.querySelectorAll('textarea')].at(-1);
        if (!box) return false;
        box.focus();
        // React tracks the value through the native setter.
        Object.getOwnPropertyDescriptor(w.HTMLTextAreaElement.prototype, 'value').set.call(box, question);
        box.dispatchEvent(new w.Event('input', { bubbles: true }));
        box.dispatchEvent(new w.KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
        return true;
      }`,
      question,
    );
    if (!sent) throw new Error('No question box in the sidebar');
  }
}
