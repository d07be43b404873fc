import type { RequestHandler } from '../messaging/requests';

/** Where the page tools script leaves its tab-request handler (it shares the isolated world with the loader). */
const pageToolsKey = Symbol.for('aside.page-tools');
type Scope = { [pageToolsKey]?: RequestHandler };

/** Called by the page tools script (entrypoints/page-tools.content.ts) once it serves tab requests. */
export function providePageTools(handler: RequestHandler | undefined): void {
  (globalThis as Scope)[pageToolsKey] = handler;
}

/** The page tools' handler, once they are loaded in this frame. */
export function pageTools(): RequestHandler | undefined {
  return (globalThis as Scope)[pageToolsKey];
}
