import type { Page } from 'playwright-core';
import { evaluateInContentScript } from './content-script';

/**
 * What a compromised page process can do: everything Aside's content script
 * can, run in its real isolated world. Each helper returns what the browser
 * gave back, so a test can check that the background refused.
 */
export class ContentScriptAttacker {
  constructor(
    private readonly page: Page,
    private readonly extensionId: string,
  ) {}

  private run<T>(expression: string): Promise<T> {
    return evaluateInContentScript(this.page, this.extensionId, expression) as Promise<T>;
  }

  /** Sends an Aside request envelope; resolves with the raw reply (`{ ok, value | error }`) or null. */
  send(type: string, payload: unknown): Promise<Reply | null> {
    return this.run(
      `chrome.runtime.sendMessage({ aside: 1, type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} })
        .then((reply) => reply ?? null, (error) => ({ ok: false, error: { code: 'no-receiver', message: String(error) } }))`,
    );
  }

  /** Opens an Aside stream, sends `start`, and collects events until it ends, the port closes, or `ms` pass. */
  stream(name: string, start: unknown, ms = 6000): Promise<StreamEvent[]> {
    return this.run(`new Promise((resolve) => {
      const events = [];
      const port = chrome.runtime.connect({ name: 'aside:' + ${JSON.stringify(name)} });
      const finish = () => resolve(events);
      port.onMessage.addListener((event) => {
        events.push(event);
        if (['done', 'error', 'stopped', 'consent', 'final'].includes(event.type)) finish();
      });
      port.onDisconnect.addListener(finish);
      port.postMessage({ start: ${JSON.stringify(start)} });
      setTimeout(finish, ${ms});
    })`);
  }

  /** Opens a stream and sends every start in `starts` on the same port at once; resolves after `ms`. */
  streamStarts(name: string, starts: unknown[], ms = 3000): Promise<StreamEvent[]> {
    return this.run(`new Promise((resolve) => {
      const events = [];
      const port = chrome.runtime.connect({ name: 'aside:' + ${JSON.stringify(name)} });
      port.onMessage.addListener((event) => events.push(event));
      for (const start of ${JSON.stringify(starts)}) port.postMessage({ start });
      setTimeout(() => resolve(events), ${ms});
    })`);
  }

  /** Writes `storage.local`, as any content script may. */
  setStorage(items: Record<string, unknown>): Promise<void> {
    return this.run(`chrome.storage.local.set(${JSON.stringify(items)})`);
  }
}

export interface Reply {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface StreamEvent {
  readonly type: string;
  readonly error?: { readonly code: string };
  readonly [key: string]: unknown;
}
