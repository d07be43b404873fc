import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The current value of a WXT storage item, updated live when any context
 * changes it. `undefined` until the first read finishes.
 */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
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
