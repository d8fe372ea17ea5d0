import { describe, expect, it } from 'vitest';
import { inRegion } from './useCaseEvents';

const at = (communityCode: string, gridCode: string | null = null) => ({ communityCode, gridCode });

describe('which live events a drilled-down dashboard keeps', () => {
  it('by the region code’s significant prefix: province, city, county, street, community', () => {
    for (const region of ['370000000000', '370300000000', '370303000000', '370303001000', '370303001001']) expect(inRegion(region, at('370303001001')), region).toBe(true);
    expect(inRegion('370303002000', at('370303001001'))).toBe(false);
    expect(inRegion('370304000000', at('370303001001'))).toBe(false);
  });
  it('a grid keeps only its own cases', () => {
    expect(inRegion('370303001001002', at('370303001001', '370303001001002'))).toBe(true);
    expect(inRegion('370303001001002', at('370303001001', '370303001001001'))).toBe(false);
  });
});
