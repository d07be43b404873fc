import { useEffect, useState } from 'react';

/** Anything with the shape of a settings item: WXT storage items and Aside's IndexedDB settings. */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * The current value of a settings item, updated live when any context
 * changes it. `undefined` until the first read finishes.
 */
export function useStorageItem<T>(item: WatchableItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    item.getValue().then((initial) => {
      if (alive) setValue(initial);
    });
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return value;
}
