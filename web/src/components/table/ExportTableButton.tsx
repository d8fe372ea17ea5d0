import { App, Button } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { fileDay, saveFile, workbookOf } from './excel';
import { tableSheet, type ExportColumn } from './tableText';

/** Rows fetched for an export, and whether they stop short of everything the list holds. */
export interface LoadedRows<T> { rows: T[]; truncated: boolean }

/** Most rows a browser export gathers page by page; beyond it the sheet says so (whole case lists export on the server). */
export const maxBrowserExportRows = 10_000;

/**
 * Every page of a server-paged list with its current filters (`query` without page and pageSize),
 * up to `max` rows: pages end when one comes back short or says there is no more.
 */
export async function loadAllPages<T>(path: string, query: string, max = maxBrowserExportRows, pageSize = 100): Promise<LoadedRows<T>> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const r = await api<{ items: T[]; hasMore?: boolean; total?: number }>(`${path}?${query ? `${query}&` : ''}page=${page}&pageSize=${pageSize}`);
    rows.push(...r.items);
    const more = r.hasMore ?? (r.total !== undefined ? page * pageSize < r.total : r.items.length === pageSize);
    if (!more || r.items.length === 0) return { rows, truncated: false };
    if (rows.length >= max) return { rows: rows.slice(0, max), truncated: true };
  }
}

interface Props<T> {
  /** the table's name: the sheet's title and the file's name (人员信息_20261124.xlsx) */
  title: string;
  /** what the table is narrowed to, written under the title */
  note?: string;
  columns: readonly ExportColumn<T>[];
  /** the rows the table holds in memory … */
  rows?: readonly T[];
  /** … or, for a server-paged list, every page of it */
  loadRows?: () => Promise<LoadedRows<T>>;
  testId?: string;
}

/** 导出 Excel for any table: the columns as shown, Chinese headers, numbers as numbers, made in the browser. */
export function ExportTableButton<T>({ title, note, columns, rows, loadRows, testId = 'export-table' }: Props<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const loaded = loadRows ? await loadRows() : { rows: [...(rows ?? [])], truncated: false };
      const sheet = tableSheet(columns, loaded.rows);
      const bytes = await workbookOf({ title, ...(note ? { note } : {}), ...sheet, ...(loaded.truncated ? { truncatedNote: t('exportTruncated', { n: loaded.rows.length.toLocaleString('zh-CN') }) } : {}) });
      saveFile(bytes, `${title}_${fileDay()}.xlsx`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return <Button size="small" loading={busy} disabled={!loadRows && !rows?.length} onClick={() => void run()} data-testid={testId}>{t('exportExcel')}</Button>;
}
