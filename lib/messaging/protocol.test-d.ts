/**
 * Type tests for the protocol, checked by `tsc` (npm run lint): each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive
 * as unused. Nothing here runs.
 */
import { expectTypeOf } from 'vitest';
import { callBackground, callTab } from './requests';

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
}
