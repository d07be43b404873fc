import { defineConfig } from 'wxt';

/**
 * Aside's build. Manifest permissions are justified one per line in README.md.
 * Chrome is MV3 with a side panel; Firefox gets WXT's MV2 build where the side
 * panel becomes a `sidebar_action`.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    default_locale: 'en',
    description: '__MSG_extDescription__',
    permissions: [
      'storage',
      'tabs',
      'scripting',
      'declarativeNetRequestWithHostAccess',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Aside' },
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_openAside__',
      },
    },
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    browser_specific_settings:
      browser === 'firefox' ? { gecko: { id: 'aside@aside.dev', strict_min_version: '115.0' } } : undefined,
  }),
});
