import type { Definition } from './data';

/** An indicator's value as people read it: a ratio in per cent, hours with one decimal, counts whole. */
export function formatValue(value: number | null | undefined, unit: Definition['unit'] | 'count'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'hours') return `${value.toFixed(1)} h`;
  return Math.round(value).toLocaleString('zh-CN');
}

/** 环比: the change from the previous period, in points for a ratio; null when either side is unknown. */
export function change(now: number | null | undefined, before: number | null | undefined, unit: Definition['unit']): { text: string; up: boolean } | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const d = now - before;
  const text = unit === 'ratio' ? `${Math.abs(d * 100).toFixed(1)} pt` : unit === 'hours' ? `${Math.abs(d).toFixed(1)} h` : Math.abs(Math.round(d)).toLocaleString('zh-CN');
  return { text, up: d >= 0 };
}
