import { isValidElement, type ReactNode } from 'react';
import type { ColumnType } from 'antd/es/table';

/** A cell of a spreadsheet: numbers stay numbers so they sum and sort in Excel. */
export type SheetCell = string | number | null;

/**
 * A column of a table that exports: what antd shows, and what goes into Excel when the rendered cell
 * holds no text of its own (a tag drawn from a code, a link to a page) or holds more than the value.
 */
export type ExportColumn<T> = ColumnType<T> & { exportValue?: (row: T) => SheetCell; noExport?: boolean };

/** The text a rendered cell shows: strings, numbers and elements' children, in order; icons and empty nodes give nothing. */
export function nodeText(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(nodeText).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return nodeText(node.props.children);
  return '';
}

/**
 * A cell as Excel should hold it: a plain count or amount becomes a number; codes (leading zeros, long
 * digit runs like 370303001001 or ID numbers), dates and percentages stay text as shown.
 */
export function sheetCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = String(value).trim();
  if (/^-?(0|[1-9]\d{0,2}(,\d{3})+|[1-9]\d{0,8})(\.\d+)?$/.test(text)) return Number(text.replaceAll(',', ''));
  return text === '' || text === '—' ? null : text;
}

const valueAt = (row: unknown, path: ColumnType<unknown>['dataIndex']): unknown => {
  const keys = path === undefined ? [] : Array.isArray(path) ? path : [path];
  return keys.reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k as string]), row);
};

/** The header and rows of a table as a sheet: the columns it shows (not its buttons), each cell as the table renders it. */
export function tableSheet<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): { header: string[]; rows: SheetCell[][] } {
  const shown = columns.filter((c) => !c.noExport && nodeText(c.title as ReactNode).trim() !== '');
  return {
    header: shown.map((c) => nodeText(c.title as ReactNode).trim()),
    rows: rows.map((row, i) => shown.map((c) => {
      if (c.exportValue) return sheetCell(c.exportValue(row));
      const value = valueAt(row, c.dataIndex);
      if (!c.render) return sheetCell(value);
      const out = c.render(value, row, i) as ReactNode | { children?: ReactNode };
      // antd lets a render return { children, props } for cell spans
      const node = out !== null && typeof out === 'object' && !isValidElement(out) && !Array.isArray(out) && 'children' in out ? out.children : (out as ReactNode);
      return sheetCell(nodeText(node));
    })),
  };
}
