import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import type { SettingItem } from './setting-item';

/**
 * A `storage.local` item whose every read is parsed with its schema: content
 * scripts (and so a compromised page) can write `storage.local`, so what is
 * kept there must be harmless and is never taken on trust. An invalid value
 * reads as the fallback.
 */
export function parsedStorageItem<S extends z.ZodType>(
  key: `local:${string}`,
  schema: S,
  fallback: z.output<S>,
): SettingItem<z.output<S>> {
  type T = z.output<S>;
  const raw = storage.defineItem<unknown>(key, { fallback, version: 1 });
  const parse = (value: unknown): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as T) : fallback;
  };
  const getValue = async () => parse(await raw.getValue());
  const setValue = (value: T) => raw.setValue(schema.parse(value));
  let updates: Promise<void> = Promise.resolve();
  return {
    key,
    schema: schema as z.ZodType<T>,
    getValue,
    setValue,
    update(change) {
      const next = updates.then(async () => setValue(change(await getValue())));
      updates = next.catch(() => {});
      return next;
    },
    watch: (callback) => raw.watch((value) => callback(parse(value))),
  };
}
