import type { GridRef } from './housing-plan.js';

/**
 * A district shaped like the demo's, for tests without a database: 张店区's 13 street codes, a few
 * communities each (the towns' mostly villages), the demo community with its 22 grids.
 */
export function testGrids(): GridRef[] {
  const streets = ['001', '002', '003', '004', '005', '006', '008', '009', '101', '102', '104', '105', '107'];
  const grids: GridRef[] = [];
  for (const street of streets) {
    const town = street.startsWith('1') || street === '008';
    for (let c = 1; c <= 6; c++) {
      const communityCode = `370303${street}${String(c).padStart(3, '0')}`;
      const village = town && c > 2;
      const communityName = communityCode === '370303001001' ? '新华社区居委会' : village ? `${'东西南北前后'[c - 1]}岭村委会` : `${['华光', '齐林家园', '兴学街东', '安乐街', '城南', '铁路'][c - 1]}社区居委会`;
      const count = communityCode === '370303001001' ? 22 : village ? 5 : 9;
      for (let g = 1; g <= count; g++) grids.push({ code: `${communityCode}${String(g).padStart(3, '0')}`, communityCode, communityName });
    }
  }
  return grids;
}
