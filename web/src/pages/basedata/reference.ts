import type { BaseEntityName, RegionTreeNode } from '@gongzhi/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { FieldDefinition, SourceInfo, TagType } from './types';

/** Tags, sources and the region tree change rarely: fetched once per page load and shared. */
const cache = new Map<string, Promise<unknown>>();
function once<T>(path: string): Promise<T> {
  if (!cache.has(path)) cache.set(path, api<T>(path).catch((e: unknown) => { cache.delete(path); throw e; }));
  return cache.get(path) as Promise<T>;
}

function useLoaded<T>(load: (() => Promise<T>) | null, fallback: T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then((v) => live && setValue(v)).catch(() => undefined);
    return () => void (live = false);
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
}

/**
 * The fields of an entity (core and the extra ones an administrator defined for the grid's
 * jurisdiction), in their order. Fetched afresh on every screen, so a new field shows at once;
 * `enabled` waits for the record (whose grid decides the extra fields) or for the form to open.
 */
export function useFields(entity: BaseEntityName, grid?: string | null, enabled = true): FieldDefinition[] | null {
  const query = grid ? `entity=${entity}&grid=${grid}` : `entity=${entity}`;
  return useLoaded(enabled ? () => api<{ items: FieldDefinition[] }>(`/basedata/fields?${query}`).then((r) => r.items) : null, null, [query, enabled]);
}

export const useTags = () => useLoaded(() => once<{ items: TagType[] }>('/basedata/tags').then((r) => r.items.filter((t) => t.active)), [], []);
export const useSources = () => useLoaded(() => once<{ items: SourceInfo[] }>('/basedata/sources').then((r) => r.items), [], []);
export const useRegionTree = (enabled = true) =>
  useLoaded(enabled ? () => once<{ root: RegionTreeNode }>('/regions/tree').then((r) => r.root) : null, null, [enabled]);
