import { describe, expect, it } from 'vitest';
import { timeOrderedUuid } from './ids.js';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID of the RFC 9562 variant carrying the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 24, 8, 0, 0);
    const id = timeOrderedUuid(at + 1_000_000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at + 1_000_000);
  });

  it('sorts in the order made, also many in one millisecond and when the clock goes back', () => {
    const at = Date.now() + 10_000_000;
    const ids = [...Array.from({ length: 10_000 }, () => timeOrderedUuid(at)), timeOrderedUuid(at - 5), timeOrderedUuid(at + 50)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
