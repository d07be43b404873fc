import Dexie, { type ObservabilitySet } from 'dexie';
import { db } from '../db/database';
import { countImages, countStoredData, type StoredKind, withImages } from './data-summary';

/** Changes within this long of each other are counted once (a save or a streamed answer writes many times). */
export const storedDataDelayMs = 500;

/** The tables a change touched, from Dexie's parts (`idb://<db>/<table>/<index>`); null: all of them. */
function changedTables(parts: ObservabilitySet, dbName: string): Set<string> | null {
  const tables = new Set<string>();
  const prefix = `idb://${dbName}/`;
  for (const part of Object.keys(parts)) {
    if (part === 'all') return null;
    if (part.startsWith(prefix)) tables.add(part.slice(prefix.length).split('/')[0] as string);
  }
  return tables;
}

/**
 * Calls `onSummary` with what Aside stores (lib/data/data-summary.ts) now,
 * then again after changes, at most once per `delayMs`: Dexie reports every
 * write to the database, from this page or another of the extension's, and
 * the counts are taken once for all the writes of that span. Images are
 * counted again only when the messages changed, as that reads every message.
 * Returns the function that stops watching.
 */
export function watchStoredData(onSummary: (kinds: StoredKind[]) => void, delayMs = storedDataDelayMs): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let dirty = false;
  let imagesDirty = true;
  let images: StoredKind | undefined;

  const refresh = async () => {
    dirty = false;
    const recountImages = imagesDirty || !images;
    imagesDirty = false;
    const [kinds, nextImages] = await Promise.all([
      countStoredData(),
      recountImages ? countImages() : (images as StoredKind),
    ]);
    images = nextImages;
    if (!stopped) onSummary(withImages(kinds, nextImages));
  };
  const run = () => {
    timer = undefined;
    running = refresh()
      .catch((error) => console.warn('[aside] counting the stored data failed', error))
      .finally(() => {
        running = undefined;
        if (dirty && !stopped) schedule();
      });
  };
  const schedule = () => {
    dirty = true;
    // A change during a count is counted after it, so the last change is always shown.
    if (!timer && !running) timer = setTimeout(run, delayMs);
  };
  const onMutated = (parts: ObservabilitySet) => {
    const tables = changedTables(parts, db().name);
    if (tables?.size === 0) return;
    if (!tables || tables.has('messages')) imagesDirty = true;
    schedule();
  };

  Dexie.on('storagemutated', onMutated);
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}
