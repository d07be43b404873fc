import type { AsideBrowser } from './extension';
import { openExtensionPage } from './extension';
import type { ExtensionGlobal } from './extension-global';

export interface TestMcpServer {
  readonly name: string;
  readonly url: string;
  readonly auth?: 'none' | 'bearer' | 'header';
  readonly headerName?: string;
  readonly secret?: string;
  readonly enabled?: boolean;
}

/** Sends one request to the background from Aside's options page, as the page does; throws on an error reply. */
async function fromOptionsPage(aside: AsideBrowser, type: string, payload: unknown): Promise<unknown> {
  const page = await openExtensionPage(aside, 'options.html');
  try {
    const reply = (await page.evaluate(
      (message) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(message),
      { aside: 1, type, payload },
    )) as { ok: boolean; value?: unknown; error?: unknown };
    if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
  } finally {
    await page.close();
  }
}

/**
 * Adds an MCP server through the real protocol (`mcp.saveServer`, what the
 * options page sends), for tests whose subject is not the options page. Returns its id.
 */
export async function addMcpServer(aside: AsideBrowser, server: TestMcpServer): Promise<string> {
  const { secret, ...rest } = server;
  const value = (await fromOptionsPage(aside, 'mcp.saveServer', {
    server: { auth: 'none', enabled: true, ...rest },
    ...(secret ? { secret } : {}),
  })) as { server: { id: string } };
  return value.server.id;
}

/** Asks the background to connect to a server and list its tools (the options page's Check). */
export async function checkMcpServer(aside: AsideBrowser, id: string): Promise<'ok' | 'error'> {
  return ((await fromOptionsPage(aside, 'mcp.check', { id })) as { state: 'ok' | 'error' }).state;
}
