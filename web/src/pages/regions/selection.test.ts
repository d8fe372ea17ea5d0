import { describe, expect, it } from 'vitest';
import { nothingSelected, selectionFor } from './selection';

describe('selectionFor', () => {
  it('expands a code into the levels above it', () => {
    expect(selectionFor('370303001002007')).toEqual({ street: '370303001000', community: '370303001002', grid: '370303001002007' });
    expect(selectionFor('370303001002')).toEqual({ street: '370303001000', community: '370303001002', grid: null });
    expect(selectionFor('370303001000')).toEqual({ street: '370303001000', community: null, grid: null });
    expect(selectionFor('370303000000')).toEqual(nothingSelected);
  });
});
