import type { StatsFiguresResponse } from '@gongzhi/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Period } from './period';

export type Breakdown = 'region' | 'category' | 'source' | 'unit' | 'reporter' | 'day';
export type Figures = StatsFiguresResponse;
export type Definition = Figures['definitions'][number];

export interface Live { at: string; newToday: number; closedToday: number; escalatedToday: number; openNow: number; overdueNow: number }

/** Something fetched again whenever its path or the refresh tick changes; null until it comes (or when it failed). */
export function useFetched<T>(path: string | null, tick: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (!path) return void setValue(null);
    let live = true;
    api<T>(path).then((v) => live && setValue(v)).catch(() => live && setValue(null));
    return () => void (live = false);
  }, [path, tick]);
  return value;
}

export const figuresPath = (region: string, period: Period, by?: Breakdown) =>
  `/stats/figures?region=${region}&from=${period.from}&to=${period.to}${by ? `&by=${by}` : ''}`;

export const useFigures = (region: string, period: Period, tick: number, by?: Breakdown) => useFetched<Figures>(figuresPath(region, period, by), tick);
export const useLive = (region: string, tick: number) => useFetched<Live>(`/stats/live?region=${region}`, tick);

/** A 12-digit division code without its trailing zero groups (370303001000 → 370303001); a grid code as it is. */
export function significant(code: string): string {
  if (code.length === 15) return code;
  let c = code;
  while (c.length > 6 && c.endsWith('000')) c = c.slice(0, -3);
  return c.length === 6 && c.endsWith('00') ? c.replace(/(00)+$/, '') || c : c;
}

/** The regions from the jurisdiction down to `code`: the breadcrumb (county, street, community, grid). */
export function trail(scope: string, code: string): string[] {
  const out: string[] = [];
  const candidates = [code.slice(0, 6) + '000000', code.slice(0, 9) + '000', code.slice(0, 12), code];
  for (const c of candidates) if (!out.includes(c) && significant(c).length >= significant(scope).length) out.push(c);
  return out;
}
