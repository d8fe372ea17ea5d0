import type { CaseState } from '@gongzhi/contracts';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** 2026-11-24 14:05, in Asia/Shanghai whatever the browser's zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

type Translate = (key: 'hoursMinutes' | 'minutesOnly' | 'left' | 'overdueBy' | 'noClock', params?: Record<string, string | number>) => string;

/** Working minutes left in a stage: 剩余 3 小时 20 分, or 已超期 1 小时 5 分 when negative. */
export function formatMinutesLeft(minutes: number | null, t: Translate): string {
  if (minutes === null) return t('noClock');
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const span = h > 0 ? t('hoursMinutes', { h, m }) : t('minutesOnly', { m });
  return minutes < 0 ? t('overdueBy', { t: span }) : t('left', { t: span });
}

/** Tag colours (antd presets) and map colours of the states. */
export const stateTagColour: Record<CaseState, string> = {
  reported: 'orange', registered: 'gold', dispatched: 'blue', handling: 'geekblue', suspended: 'default',
  feedback: 'purple', closed: 'green', rejected: 'default', merged: 'default',
};
export const stateMapColour: Record<CaseState, string> = {
  reported: '#fa8c16', registered: '#d4b106', dispatched: '#1677ff', handling: '#2f54eb', suspended: '#8c8c8c',
  feedback: '#722ed1', closed: '#52c41a', rejected: '#bfbfbf', merged: '#bfbfbf',
};
