import { liveQuery } from 'dexie';
import type { z } from 'zod';
import { db } from '../db/database';

/**
 * A setting with the shape of a WXT storage item (getValue, setValue, watch),
 * kept in the extension's IndexedDB instead of `storage.local`. Content
 * scripts run in the page's origin and cannot open the extension's databases,
 * while they can read and write `storage.local`: so every setting that
 * decides security lives here. Values are parsed with their schema on every
 * read (a bad row reads as the fallback) and on every write.
 */
export interface SettingItem<T> {
  /** The row's key in the `settings` table. */
  readonly key: string;
  readonly schema: z.ZodType<T>;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /**
   * Changes the value from its latest stored state, one change after another
   * in this context: two quick edits in a form never overwrite each other
   * with a stale copy, however long a write takes to reach the background.
   */
  update(change: (current: T) => T): Promise<void>;
  /** Calls back with each new value, from any context's write; returns the unsubscribe function. */
  watch(callback: (value: T) => void): () => void;
}

export interface SettingOptions<T> {
  readonly fallback: T;
  /** Awaited before the first read: moves values saved by earlier versions (lib/settings/secure-settings.ts). */
  readonly ready?: () => Promise<void>;
}

/** How a context stores a setting: in its own IndexedDB connection, or by asking the background (UI pages). */
type SettingWriter = (key: string, value: unknown) => Promise<void>;
let writeElsewhere: SettingWriter | null = null;

/**
 * Makes this context's setting writes go through `writer` (Aside's pages
 * route them to the background, lib/settings/route-setting-writes.ts): the
 * request wakes a sleeping service worker, whose watchers (context menus,
 * the auto-save hint, indexing) then see the change; a write made straight
 * to IndexedDB from a page would reach them only if the worker was awake.
 */
export function writeSettingsThrough(writer: SettingWriter): void {
  writeElsewhere = writer;
}

export function defineSetting<S extends z.ZodType>(
  key: string,
  schema: S,
  options: SettingOptions<z.output<S>>,
): SettingItem<z.output<S>> {
  type T = z.output<S>;
  const parse = (row: { value: unknown } | undefined): T => {
    if (!row) return options.fallback;
    const parsed = schema.safeParse(row.value);
    if (parsed.success) return parsed.data as T;
    console.warn(`[aside] setting ${key} is invalid and reads as its default`, parsed.error.message);
    return options.fallback;
  };
  const read = async () => {
    await options.ready?.();
    return parse(await db().settings.get(key));
  };
  const write = async (value: T) => {
    const parsed = schema.parse(value);
    if (writeElsewhere) return writeElsewhere(key, parsed);
    await options.ready?.();
    await db().settings.put({ key, value: parsed });
  };
  let updates: Promise<void> = Promise.resolve();
  return {
    key,
    schema: schema as z.ZodType<T>,
    getValue: read,
    setValue: write,
    update(change) {
      const next = updates.then(async () => write(change(await read())));
      updates = next.catch(() => {});
      return next;
    },
    watch(callback) {
      let last: string | undefined;
      // The query itself touches only Dexie: that is how liveQuery knows what to observe.
      const subscription = liveQuery(async () => parse(await db().settings.get(key))).subscribe({
        next: (value) => {
          // Dexie re-runs the query on any write to the table; only real changes reach the callback.
          const serialized = JSON.stringify(value);
          if (last !== undefined && serialized !== last) callback(value);
          last = serialized;
        },
        error: (error: unknown) => console.warn(`[aside] watching setting ${key} failed`, error),
      });
      return () => subscription.unsubscribe();
    },
  };
}
