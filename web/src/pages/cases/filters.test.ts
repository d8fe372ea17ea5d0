import { describe, expect, it } from 'vitest';
import { filtersFromHash, listQuery } from './CasesPage';

describe('a link from a figure opens the cases behind it', () => {
  it('reads region, unit, reporter, period, states and overdue after the hash', () => {
    const f = filtersFromHash('#/cases?region=370303001000&from=2026-11-01&to=2026-11-24&state=reported&state=handling&overdue=true');
    expect(f).toEqual({ region: '370303001000', range: ['2026-11-01', '2026-11-24'], state: ['reported', 'handling'], overdue: true });
    expect(listQuery('all', f!, 1, 20)).toBe('state=reported&state=handling&from=2026-11-01&to=2026-11-24&overdue=true&region=370303001000&page=1&pageSize=20');
  });
  it('a plain #/cases carries no filters', () => {
    expect(filtersFromHash('#/cases')).toBeNull();
    expect(filtersFromHash('#/cases?')).toBeNull();
  });
});
