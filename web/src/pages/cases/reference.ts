import type { CategoryItem, UnitItem } from '@gongzhi/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** Reference data change rarely: fetch once per page load and share. */
const cache = new Map<string, Promise<unknown>>();
function load<T>(path: string): Promise<T> {
  if (!cache.has(path)) cache.set(path, api<T>(path).catch((e: unknown) => { cache.delete(path); throw e; }));
  return cache.get(path) as Promise<T>;
}

function useList<T>(path: string, enabled: boolean, onError?: (e: unknown) => void): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load<{ items: T[] }>(path).then((r) => live && setItems(r.items)).catch((e: unknown) => onError?.(e));
    return () => void (live = false);
  }, [path, enabled]); // eslint-disable-line react-hooks/exhaustive-deps
  return items;
}

export const useCategories = (onError?: (e: unknown) => void) => useList<CategoryItem>('/case-categories', true, onError);
export const useUnits = (enabled: boolean, onError?: (e: unknown) => void) => useList<UnitItem>('/units', enabled, onError);
