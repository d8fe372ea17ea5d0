import { describe, expect, it } from 'vitest';
import { parseHash } from './pages';

describe('parseHash', () => {
  it('reads the screens of the app', () => {
    expect(parseHash('')).toEqual({ page: 'map', id: null });
    expect(parseHash('#/')).toEqual({ page: 'map', id: null });
    expect(parseHash('#/accounts')).toEqual({ page: 'accounts', id: null });
    expect(parseHash('#/cases')).toEqual({ page: 'cases', id: null });
    expect(parseHash('#/report')).toEqual({ page: 'report', id: null });
    expect(parseHash('#/cases/7c9e6679-7425-40de-944b-e07fc1f90ae7')).toEqual({ page: 'case', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
  });
  it('reads the base data screens: tabs and records', () => {
    expect(parseHash('#/basedata')).toEqual({ page: 'basedata', id: null });
    expect(parseHash('#/basedata/imports')).toEqual({ page: 'basedata', id: 'imports' });
    expect(parseHash('#/basedata/people/abc')).toEqual({ page: 'person', id: 'abc' });
    expect(parseHash('#/basedata/dwellings/d1')).toEqual({ page: 'dwelling', id: 'd1' });
    expect(parseHash('#/basedata/organisations/o1')).toEqual({ page: 'organisation', id: 'o1' });
    expect(parseHash('#/basedata/people')).toEqual({ page: 'basedata', id: 'people' });
    expect(parseHash('#/collect')).toEqual({ page: 'collect', id: null });
  });
  it('reads the command centre: 驾驶舱 and the big screen', () => {
    expect(parseHash('#/dashboard')).toEqual({ page: 'dashboard', id: null });
    expect(parseHash('#/bigscreen')).toEqual({ page: 'bigscreen', id: null });
  });
  it('falls back to the map for anything unknown', () => {
    expect(parseHash('#/nowhere')).toEqual({ page: 'map', id: null });
  });
});
