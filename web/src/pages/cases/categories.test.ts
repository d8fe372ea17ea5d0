import type { CategoryItem } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { categoryOptions, categoryPath } from './categories';

const limits = { register: 60, dispatch: 60, handle: 480, verify: 60 };
const cat = (code: string, parentCode: string | null, kind: CategoryItem['kind'], name: string, active = true): CategoryItem =>
  ({ code, parentCode, kind, name, nameEn: `${name}-en`, priority: 'normal', defaultLevel: 'street', limits, sensitive: false, active });

const items = [
  cat('01', null, 'component', '市容环境'),
  cat('0101', '01', 'component', '垃圾箱'),
  cat('11', null, 'event', '市容环境'),
  cat('1101', '11', 'event', '暴露垃圾'),
  cat('1102', '11', 'event', '积存垃圾渣土', false),
  cat('12', null, 'event', '宣传广告'),
];

describe('category options', () => {
  it('nests active minor classes under majors and tells same-named majors apart', () => {
    const opts = categoryOptions(items, false, (k) => ({ component: '部件', event: '事件', social: '社会治理' })[k]);
    expect(opts).toEqual([
      { value: '01', label: '市容环境（部件）', children: [{ value: '0101', label: '垃圾箱' }] },
      { value: '11', label: '市容环境（事件）', children: [{ value: '1101', label: '暴露垃圾' }] },
    ]);
  });
  it('finds the path of a code', () => {
    expect(categoryPath(items, '1101')).toEqual(['11', '1101']);
    expect(categoryPath(items, 'zz')).toEqual([]);
  });
});
