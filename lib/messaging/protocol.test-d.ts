/**
 * Type tests for the protocol, checked by `tsc` (npm run lint): each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive
 * as unused. Nothing here runs.
 */
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import type { BackgroundRequests, RequestMap } from './protocol';
import { callBackground, callTab, type Handlers } from './requests';
import type { ContentScriptSender, ExtensionPageSender } from './senders';

export function protocolTypeTests(): void {
  // @ts-expect-error: no such request
  void callBackground('profiles.explode', {});
  // @ts-expect-error: `id` is required
  void callBackground('conversations.delete', {});
  // @ts-expect-error: `title` must be a string
  void callBackground('conversations.rename', { id: 'a', title: 42 });
  // @ts-expect-error: tab requests go through callTab, not callBackground
  void callBackground('page.capture', {});

  expectTypeOf(callTab(1, 'page.capture', {}))
    .resolves.toHaveProperty('markdown')
    .toEqualTypeOf<string>();
  expectTypeOf(callBackground('provider.detectLocal', {})).resolves.toHaveProperty('found').toBeArray();

  // Deny by default: a request declared without who may send it is not a request.
  const withoutPolicy = { 'debug.dump': { request: z.object({}), response: z.object({}) } };
  // @ts-expect-error: `senders` is missing
  const refused: RequestMap = withoutPolicy;
  void refused;

  // A handler sees the sender its policy allows: a content script's handler gets its tab, a page's does not.
  type Background = Handlers<BackgroundRequests>;
  expectTypeOf<Parameters<Background['autosave.offer']>[1]>().toEqualTypeOf<ContentScriptSender>();
  expectTypeOf<Parameters<Background['profiles.save']>[1]>().toEqualTypeOf<ExtensionPageSender>();
  expectTypeOf<Parameters<Background['actions.saveSelection']>[1]>().toHaveProperty('tabId').toEqualTypeOf<number>();
}
