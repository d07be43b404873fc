import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  readonly nodeId: number;
  readonly localName?: string;
  readonly children?: readonly DomNode[];
  readonly shadowRoots?: readonly DomNode[];
}

/**
 * Aside's in-page toolbar and card live in a closed shadow root, which page
 * scripts (and Playwright's locators) cannot enter. Tests reach it the way
 * DevTools does: the DOM domain with `pierce` sees closed roots. Clicks and
 * typing go through the real input pipeline (`page.mouse`, `page.keyboard`),
 * so the card receives trusted events, as from a person.
 */
export class EmbeddedUi {
  private session: CDPSession | null = null;

  constructor(private readonly page: Page) {}

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The closed shadow root's node id, or null while Aside's UI is not in the page. */
  private async root(): Promise<number | null> {
    const cdp = await this.cdp();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | undefined => {
      if (node.localName === 'aside-embedded') return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    return find(root)?.shadowRoots?.[0]?.nodeId ?? null;
  }

  async nodes(selector: string): Promise<number[]> {
    const root = await this.root();
    if (root === null) return [];
    const cdp = await this.cdp();
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root, selector })) as { nodeIds: number[] };
    return nodeIds;
  }

  /** Runs `fn` on an element (in the page's main world: it only reads the DOM). */
  private async on<T>(nodeId: number, fn: string): Promise<T> {
    const cdp = await this.cdp();
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    })) as { result: { value: T } };
    return result.value;
  }

  /** Runs a function declaration (`function () { … this … }`) on the first match, or returns null. */
  async evaluate<T>(selector: string, fn: string): Promise<T | null> {
    const [node] = await this.nodes(selector);
    return node === undefined ? null : this.on<T>(node, fn);
  }

  async count(selector: string): Promise<number> {
    return (await this.nodes(selector)).length;
  }

  /** The first match's visible text, or '' when there is none. */
  async text(selector: string): Promise<string> {
    const [node] = await this.nodes(selector);
    return node === undefined ? '' : this.on<string>(node, 'function () { return this.innerText; }');
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    const [node] = await this.nodes(selector);
    if (node === undefined) return null;
    return this.on<string | null>(node, `function () { return this.getAttribute(${JSON.stringify(name)}); }`);
  }

  /** Accessible names (aria-label, else title, else text) of the buttons under `scope`. */
  async buttonNames(scope: string): Promise<string[]> {
    const names: string[] = [];
    for (const node of await this.nodes(`${scope} button`)) names.push(await this.nameOf(node));
    return names;
  }

  private nameOf(node: number): Promise<string> {
    return this.on<string>(
      node,
      'function () { return (this.getAttribute("aria-label") || this.getAttribute("title") || this.innerText).trim(); }',
    );
  }

  /**
   * Clicks, with the mouse, the button under `scope` whose accessible name is
   * `name`, waiting for it to appear as Playwright's own clicks do.
   */
  async clickButton(scope: string, name: string): Promise<void> {
    const node = await this.waitFor(async () => {
      for (const candidate of await this.nodes(`${scope} button`)) {
        if ((await this.nameOf(candidate)) === name) return candidate;
      }
      return undefined;
    });
    if (node === undefined) {
      throw new Error(`No button "${name}" in ${scope}: ${(await this.buttonNames(scope)).join(', ')}`);
    }
    await this.clickNode(node);
  }

  /** Clicks the first element matching `selector`, with the mouse, once it is there. */
  async click(selector: string): Promise<void> {
    const node = await this.waitFor(async () => (await this.nodes(selector))[0]);
    if (node === undefined) throw new Error(`No ${selector} in Aside's in-page UI`);
    await this.clickNode(node);
  }

  /** Polls `find` for up to 30 s (a busy machine renders slowly; E2E files run two at a time). */
  private async waitFor(find: () => Promise<number | undefined>): Promise<number | undefined> {
    for (let waited = 0; waited < 30_000; waited += 100) {
      const found = await find();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  }

  private async clickNode(nodeId: number): Promise<void> {
    const cdp = await this.cdp();
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** Moves keyboard focus to the first match, as Tab would (DevTools can focus inside a closed root). */
  async focus(selector: string): Promise<void> {
    const node = await this.waitFor(async () => (await this.nodes(selector))[0]);
    if (node === undefined) throw new Error(`No ${selector} in Aside's in-page UI`);
    await (await this.cdp()).send('DOM.focus', { nodeId: node });
  }

  /**
   * A standalone copy of the UI as it is now: its stylesheet and the markup of
   * its root, as a page of its own. axe cannot enter a closed shadow root, so
   * tests audit this copy in a test-only page.
   */
  async snapshotPage(lang = 'en'): Promise<string> {
    const css = (await this.evaluate<string>('style', 'function () { return this.textContent; }')) ?? '';
    const html = (await this.evaluate<string>('.root', 'function () { return this.outerHTML; }')) ?? '';
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Aside</title><style>${css}</style></head><body><main>${html}</main></body></html>`;
  }

  /** Clicks into a field and types, as a person does. */
  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.page.keyboard.type(text);
  }

  async close(): Promise<void> {
    await this.session?.detach().catch(() => {});
    this.session = null;
  }
}
