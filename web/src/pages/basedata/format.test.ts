import { describe, expect, it } from 'vitest';
import { ageOn, floorOf, optionText, today, unitLayout, valueText } from './format';
import type { DwellingItem, FieldDefinition } from './types';

const field = (over: Partial<FieldDefinition>): FieldDefinition => ({
  id: null, entity: 'person', key: 'x', label: 'X', labelEn: 'X', type: 'text', required: false, options: [], pattern: null, min: null, max: null,
  maxLength: null, core: false, scopeCode: null, authority: null, active: true, ...over,
});
const room = (unitNo: string, roomNo: string): DwellingItem => ({
  id: `${unitNo}-${roomNo}`, addressCode: '', address: '', unitNo, roomNo, usage: 'vacant', residents: 0, gridCode: '370303001001001',
});

describe('base data formatting', () => {
  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('1958-03-12', '2026-03-11')).toBe(67);
    expect(ageOn('1958-03-12', '2026-03-12')).toBe(68);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn(null, '2026-03-12')).toBeNull();
  });
  it('knows today in Asia/Shanghai whatever the browser zone', () => {
    expect(today(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
  });
  it('shows choices by label, the core ones in the chosen language, and booleans as yes or no', () => {
    const political = field({ key: 'political_status', type: 'choice', options: [{ value: 'party', label: '中共党员' }] });
    expect(valueText(political, 'party', 'zh')).toBe('中共党员');
    expect(valueText(political, 'unknown', 'zh')).toBe('unknown');
    const type = field({ key: 'person_type', type: 'choice', options: [{ value: 'liudong', label: '流动人口' }] });
    expect(optionText(type, 'liudong', 'en')).toBe('Floating');
    expect(optionText(type, 'liudong', 'zh')).toBe('流动人口');
    expect(valueText(field({ type: 'boolean' }), 'true', 'zh')).toBe('是');
    expect(valueText(field({ type: 'boolean' }), 'false', 'en')).toBe('No');
    expect(valueText(field({}), null, 'zh')).toBe('—');
    expect(valueText(undefined, 'raw', 'zh')).toBe('raw');
  });
  it('reads the floor from a room number', () => {
    expect(floorOf('301')).toBe('3');
    expect(floorOf('1502')).toBe('15');
    expect(floorOf('0302')).toBe('3');
    expect(floorOf('B101')).toBe('B1');
    expect(floorOf('12')).toBeNull();
    expect(floorOf('东户')).toBeNull();
  });
  it('lays a building out by unit, top floor first, rooms in order', () => {
    const layout = unitLayout([room('2', '101'), room('1', '1002'), room('1', '201'), room('1', '202'), room('1', '1001'), room('1', 'B101'), room('1', '车库')]);
    expect(layout.map((u) => u.unitNo)).toEqual(['1', '2']);
    expect(layout[0]!.floors.map((f) => f.floor)).toEqual(['10', '2', 'B1', null]);
    expect(layout[0]!.floors[0]!.rooms.map((r) => r.roomNo)).toEqual(['1001', '1002']);
    expect(layout[1]!.floors).toHaveLength(1);
  });
});
