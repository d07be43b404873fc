/**
 * `storage.local` keys the always-loaded content script reads itself, without
 * the zod items that own them (lib/content/loader/): one spelling for both.
 */
export const localKeys = {
  /** lib/actions/embedded-settings.ts */
  embedded: 'embedded',
  /** lib/library/auto-save-hint.ts */
  autoSaveHint: 'autoSaveHint',
} as const;
