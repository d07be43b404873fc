import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';

/**
 * Settings that decide security live in IndexedDB (lib/settings/secure-settings.ts),
 * so every unit test gets fake-indexeddb, and starts with no settings — as
 * `fakeBrowser.reset()` gives it an empty `storage.local`.
 */
beforeEach(async () => {
  const { db } = await import('../../lib/db/database');
  await db().settings.clear();
});
