import type { CategoryItem } from '@gongzhi/contracts';

export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

type KindName = (kind: CategoryItem['kind']) => string;

/**
 * The two-level category tree for a cascader: major classes (parentCode null) with their active minor
 * classes. Majors that share a name (市容环境 is both a component and an event class) get their kind.
 */
export function categoryOptions(items: CategoryItem[], english: boolean, kindName: KindName): CategoryOption[] {
  const name = (c: CategoryItem) => (english && c.nameEn ? c.nameEn : c.name);
  const active = items.filter((c) => c.active);
  const majors = active.filter((c) => c.parentCode === null);
  const counts = new Map<string, number>();
  for (const m of majors) counts.set(name(m), (counts.get(name(m)) ?? 0) + 1);
  return majors
    .map((m) => ({
      value: m.code,
      label: counts.get(name(m))! > 1 ? `${name(m)}（${kindName(m.kind)}）` : name(m),
      children: active.filter((c) => c.parentCode === m.code).map((c) => ({ value: c.code, label: name(c) })),
    }))
    .filter((m) => m.children.length > 0);
}

/** The cascader path of a category code: [major, minor] (or [major] for a major class). */
export function categoryPath(items: CategoryItem[], code: string): string[] {
  const c = items.find((x) => x.code === code);
  if (!c) return [];
  return c.parentCode ? [c.parentCode, c.code] : [c.code];
}
