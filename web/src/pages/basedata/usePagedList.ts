import { App } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { listQuery, type ListFilters } from './query';

interface Page<T> { items: T[]; hasMore: boolean }

/**
 * A record list page by page, with filters: a new filter goes back to page 1. The API counts no
 * total (too dear on a city's records), so paging is by `hasMore`.
 */
export function usePagedList<T, F extends ListFilters>(path: string, pageSize: number) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<F>({} as F);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    api<Page<T>>(`${path}?${listQuery(filters, page, pageSize)}`)
      .then((r) => live && setData(r))
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => void (live = false);
  }, [path, filters, page, pageSize, message]);
  const update = (f: Partial<F>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage(1);
  };
  return { filters, update, page, setPage, items: data?.items ?? [], hasMore: data?.hasMore ?? false, loading };
}
