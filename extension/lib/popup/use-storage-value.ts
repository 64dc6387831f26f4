import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** The item's value, kept current as the background writes it; undefined until first read. */
export function useStorageValue<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void item.getValue().then((v) => alive && setValue(() => v));
    const unwatch = item.watch((v) => setValue(() => v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return value;
}
