import { describe, expect, it } from 'vitest';
import { maskContacts } from './follow.service.js';
import { blurCellM, blurPoint } from './public-map.service.js';

const metres = (a: [number, number], b: [number, number]) => {
  const dy = (a[1] - b[1]) * 111_320;
  const dx = (a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot(dx, dy);
};

describe('blurPoint (public map, sensitive categories)', () => {
  const zibo: [number, number] = [118.0543, 36.8131];

  it('moves a point to the centre of its ~500 m cell: within half a cell diagonal, never the point itself', () => {
    const c = blurPoint(...zibo);
    expect(c).not.toEqual(zibo);
    expect(metres(c, zibo)).toBeLessThanOrEqual((blurCellM * Math.SQRT2) / 2 + 1);
  });

  it('gives every point of a cell the same centre, so the centre says nothing about where in the cell', () => {
    const c = blurPoint(...zibo);
    const dLat = blurCellM / 111_320;
    const dLng = blurCellM / (111_320 * Math.cos((c[1] * Math.PI) / 180));
    for (const [fx, fy] of [[-0.49, -0.49], [0.49, 0.49], [-0.49, 0.49], [0.2, -0.3], [0, 0]] as Array<[number, number]>) {
      expect(blurPoint(c[0] + fx * dLng, c[1] + fy * dLat)).toEqual(c);
    }
  });

  it('puts points a cell apart into different cells, about 500 m apart', () => {
    const a = blurPoint(...zibo);
    const b = blurPoint(zibo[0], zibo[1] + blurCellM / 111_320);
    expect(b).not.toEqual(a);
    expect(metres(a, b)).toBeGreaterThan(blurCellM * 0.95);
    expect(metres(a, b)).toBeLessThan(blurCellM * 1.05);
  });

  it('is stable: blurring a centre gives the centre', () => {
    const c = blurPoint(...zibo);
    expect(blurPoint(...c)).toEqual(c);
  });
});

describe('maskContacts (a follower reads somebody else\'s text)', () => {
  it('masks mobiles as 139****5678 and other long numbers entirely', () => {
    expect(maskContacts('请联系13912345678或139 1234 5678')).toBe('请联系139****5678或139****5678');
    expect(maskContacts('身份证370303199001011234，座机0533-2345678')).toBe('身份证***，座机***');
    expect(maskContacts('3号楼2单元501室')).toBe('3号楼2单元501室');
  });
});
