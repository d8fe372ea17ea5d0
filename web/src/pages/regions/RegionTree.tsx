import { shortDivisionName, type RegionTreeNode } from '@gongzhi/contracts';
import { Tree } from 'antd';
import { useMemo } from 'react';

interface Props {
  root: RegionTreeNode;
  selected: string | null;
  onPick(code: string): void;
}


export function RegionTree({ root, selected, onPick }: Props) {
  const data = useMemo(() => {
    interface Node { key: string; title: string; children?: Node[] }
    const convert = (n: RegionTreeNode): Node => ({
      key: n.code,
      title: `${shortDivisionName(n.name)}（${n.gridCount}）`,
      ...(n.children.length ? { children: n.children.map(convert) } : {}),
    });
    return [convert(root)];
  }, [root]);
  return (
    <Tree
      data-testid="region-tree"
      treeData={data}
      defaultExpandedKeys={[root.code]}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] && onPick(String(keys[0]))}
      height={700}
    />
  );
}
