import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

/** `npm run dev` opens this browser: CHROME_PATH if set, else Debian's Chromium when present, else WXT's own search. */
const devChrome =
  process.env.CHROME_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : undefined);

/**
 * Aside's build. Manifest permissions are justified one per line in README.md.
 * Chrome is MV3 with a side panel; Firefox gets WXT's MV2 build where the side
 * panel becomes a `sidebar_action`.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  webExt: {
    binaries: devChrome ? { chrome: devChrome } : {},
    // Chromium will not start as root with its sandbox (containers, CI boxes).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    default_locale: 'en',
    description: '__MSG_extDescription__',
    permissions: [
      'storage',
      'tabs',
      'scripting',
      'contextMenus',
      'declarativeNetRequestWithHostAccess',
      ...(browser === 'firefox' ? [] : ['favicon']),
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Aside' },
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_openAside__',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_savePageCommand__',
      },
      'run-last-action': {
        suggested_key: { default: 'Alt+Shift+X' },
        description: '__MSG_runLastActionCommand__',
      },
    },
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'aside@aside.dev',
              strict_min_version: '140.0',
              // Aside sends nothing to its developers; prompts go only to the provider the user picks.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
