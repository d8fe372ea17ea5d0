import { shortDivisionName, type RegionTreeNode } from '@gongzhi/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { useRegionTree } from '../basedata/reference';
import { useCategories, useUnits } from '../cases/reference';

export type NameOf = (key: string) => string;

/** Names for the codes and ids of a breakdown: regions (the tree), categories, units, grid workers; the code itself when unknown. */
export function useNames() {
  const { lang } = useI18n();
  const tree = useRegionTree();
  const categories = useCategories();
  const units = useUnits(true);
  return useMemo(() => {
    const regions = new Map<string, string>();
    const walk = (n: RegionTreeNode) => {
      regions.set(n.code, shortDivisionName(n.name));
      n.children.forEach(walk);
    };
    if (tree) walk(tree);
    const categoryNames = new Map(categories.map((c) => [c.code, lang === 'en' ? c.nameEn : c.name]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const lookup = (m: Map<string, string>): NameOf => (key) => m.get(key) ?? key;
    // grid workers come named in their rows; a short form of the id if one is not
    const reporter: NameOf = (key) => `#${key.slice(0, 8)}`;
    return { region: lookup(regions), category: lookup(categoryNames), unit: lookup(unitNames), reporter, tree };
  }, [tree, categories, units, lang]);
}
export type Names = ReturnType<typeof useNames>;
