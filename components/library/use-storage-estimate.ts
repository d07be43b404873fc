import { useEffect, useState } from 'react';

/** `navigator.storage.estimate()`, read again whenever `version` changes (after saves and deletes). */
export function useStorageEstimate(version: unknown): StorageEstimate | null {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal to measure again
  useEffect(() => {
    let alive = true;
    navigator.storage
      ?.estimate()
      .then((next) => alive && setEstimate(next))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [version]);
  return estimate;
}
