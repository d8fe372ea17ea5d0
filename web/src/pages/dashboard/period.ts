/** 驾驶舱 periods: presets from today back to the start of the week, month, quarter or year (local dates, Asia/Shanghai in practice). */
export type Preset = 'today' | 'week' | 'month' | 'quarter' | 'year' | 'custom';
export const presets: Preset[] = ['today', 'week', 'month', 'quarter', 'year', 'custom'];

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export interface Period { from: string; to: string }

export function presetPeriod(preset: Exclude<Preset, 'custom'>, now = new Date()): Period {
  const to = dayOf(now);
  const y = now.getFullYear();
  const m = now.getMonth();
  if (preset === 'today') return { from: to, to };
  if (preset === 'week') {
    const monday = new Date(y, m, now.getDate() - ((now.getDay() + 6) % 7));
    return { from: dayOf(monday), to };
  }
  if (preset === 'month') return { from: dayOf(new Date(y, m, 1)), to };
  if (preset === 'quarter') return { from: dayOf(new Date(y, m - (m % 3), 1)), to };
  return { from: dayOf(new Date(y, 0, 1)), to };
}

/** Every day from `from` to `to` (the trend has a point for days without reports too). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  for (let d = new Date(fy, fm - 1, fd); dayOf(d) <= to && out.length < 800; d.setDate(d.getDate() + 1)) out.push(dayOf(d));
  return out;
}

/** "Everything still open": the figures of a long period whose cohort covers every case. */
export const allTime = (): Period => ({ from: '2000-01-01', to: dayOf(new Date()) });
