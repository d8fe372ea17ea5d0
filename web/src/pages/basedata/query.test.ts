import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { changedValues, exportHref, fieldErrorsOf, listQuery } from './query';
import { housingHref, housingSelection } from './housing/selection';

describe('base data queries', () => {
  it('leaves blank filters out of the query', () => {
    expect(listQuery({ q: '张建', region: undefined, type: 'huji', tag: '' }, 2, 20)).toBe('q=%E5%BC%A0%E5%BB%BA&type=huji&page=2&pageSize=20');
    expect(exportHref('person', { type: 'liudong' })).toBe('/api/v1/basedata/export?entity=person&type=liudong');
  });
  it('reads the per-field messages of a refused write by field key', () => {
    const e = new ApiError(400, 'basedata.invalid', 'x', [{ path: 'values.phone', code: 'basedata.value.phone', message: 'bad phone' }, { path: 'version', code: 'x', message: 'y' }]);
    expect(fieldErrorsOf(e)).toEqual({ phone: 'bad phone' });
    expect(fieldErrorsOf(new ApiError(409, 'basedata.stale', '…'))).toEqual({});
  });
  it('sends only what an edit changed, a cleared value as null', () => {
    expect(changedValues({ name: '张三', gender: '1', workplace: null }, { name: '张三', gender: '2', workplace: '' })).toEqual({ gender: '2' });
    expect(changedValues({ workplace: '供销社' }, { workplace: '' })).toEqual({ workplace: null });
  });
  it('keeps the open building in the hash of the housing tab', () => {
    expect(housingHref('b1')).toBe('#/basedata/housing?building=b1');
    expect(housingHref(null)).toBe('#/basedata/housing');
    expect(housingSelection('#/basedata/housing?building=b1')).toEqual({ building: 'b1' });
    expect(housingSelection('#/basedata/housing')).toEqual({ building: null });
  });
});
