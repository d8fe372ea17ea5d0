import { shortDivisionName, type GridListResponse, type RegionTreeNode } from '@gongzhi/contracts';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { useRegionTree } from './reference';
import { useStrings } from './strings';

interface Node { value: string; title: string; isLeaf?: boolean; children?: Node[] }

/** The part of the tree inside the jurisdiction (the tree also holds the scope's ancestors, for context). */
function withinScope(root: RegionTreeNode, scope: string): RegionTreeNode | null {
  if (root.code === scope) return root;
  for (const c of root.children) {
    const hit = withinScope(c, scope);
    if (hit) return hit;
  }
  return null;
}

/** What may be picked: any street, community or grid; or streets and communities only. */
export type PickLevels = 'all' | 'divisions';

const toNode = (n: RegionTreeNode, levels: PickLevels): Node => ({
  value: n.code,
  title: shortDivisionName(n.name),
  // with 'all', a community's grids load when it opens
  isLeaf: n.level === 'village' ? levels !== 'all' : false,
  ...(n.children.length ? { children: n.children.map((c) => toNode(c, levels)) } : {}),
});

function attach(nodes: Node[], code: string, children: Node[]): Node[] {
  return nodes.map((n) => (n.value === code ? { ...n, children } : n.children ? { ...n, children: attach(n.children, code, children) } : n));
}

/**
 * A street, community or grid inside the user's jurisdiction, to narrow a list; empty means all of
 * it. Nothing to pick for a grid worker, whose jurisdiction is one grid.
 */
export function RegionPicker({ value, onChange, levels = 'all', width = 200 }: { value?: string; onChange(code: string | undefined): void; levels?: PickLevels; width?: number | string }) {
  const s = useStrings();
  const { user } = useSession();
  const single = (user?.scopeCode.length ?? 0) === 15;
  const tree = useRegionTree(!single);
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    const mine = tree && user ? withinScope(tree, user.scopeCode) : null;
    setNodes(mine ? (mine.level === 'county' ? mine.children : [mine]).map((n) => toNode(n, levels)) : []);
  }, [tree, user, levels]);
  if (single) return null;
  const loadGrids = async (community: string) => {
    const r = await api<GridListResponse>(`/grids?region=${community}&pageSize=200`);
    setNodes((old) => attach(old, community, r.items.map((g) => ({ value: g.code, title: g.name, isLeaf: true }))));
  };
  return (
    <TreeSelect
      allowClear showSearch treeNodeFilterProp="title" style={{ width }} placeholder={s('allRegions')}
      value={value} onChange={(v?: string) => onChange(v || undefined)} treeData={nodes} data-testid="region-picker"
      loadData={levels !== 'all' ? undefined : (n) => (n.children?.length ? Promise.resolve() : loadGrids(String(n.value)))}
      popupMatchSelectWidth={false}
    />
  );
}
