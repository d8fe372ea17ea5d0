import { describe, expect, it } from 'vitest';
import { formatMinutesLeft, formatTime } from './format';

const zh: Record<string, string> = { hoursMinutes: '{h} 小时 {m} 分', minutesOnly: '{m} 分', left: '剩余 {t}', overdueBy: '已超期 {t}', noClock: '不计时' };
const t = (key: string, params: Record<string, string | number> = {}) => zh[key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

describe('case formatting', () => {
  it('shows times in Asia/Shanghai', () => {
    expect(formatTime('2026-11-24T06:05:00Z')).toBe('2026-11-24 14:05');
    expect(formatTime('2026-11-24T16:30:00Z')).toBe('2026-11-25 00:30');
    expect(formatTime(null)).toBe('—');
  });
  it('shows working minutes left and overdue', () => {
    expect(formatMinutesLeft(200, t)).toBe('剩余 3 小时 20 分');
    expect(formatMinutesLeft(45, t)).toBe('剩余 45 分');
    expect(formatMinutesLeft(-65, t)).toBe('已超期 1 小时 5 分');
    expect(formatMinutesLeft(null, t)).toBe('不计时');
  });
});
