import { z } from 'zod';
import { parsedStorageItem } from '../settings/parsed-storage-item';

/**
 * Whether automatic saving is on, mirrored in `storage.local` so a content
 * script can stay silent without waking the background on every page load.
 * Only a hint: a page that sets it to true only makes its content script ask
 * the background, which applies the real rules (kept in IndexedDB).
 */
export const autoSaveHintItem = parsedStorageItem('local:autoSaveHint', z.boolean(), false);
