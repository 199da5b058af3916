import type { Region } from '../../lib/api/types';

/** A node of the lazily loaded region tree (antd Tree's data shape plus the region). */
export interface RegionTreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  region: Region;
  children?: RegionTreeNode[];
}

export function toTreeNode(region: Region): RegionTreeNode {
  return { key: region.id, title: region.name, isLeaf: region.childCount === 0, region };
}

/** Returns a new tree with `children` attached under `parentKey` (unchanged if the key is unknown). */
export function attachChildren(tree: RegionTreeNode[], parentKey: string, children: Region[]): RegionTreeNode[] {
  return tree.map((node) => {
    if (node.key === parentKey) {
      return { ...node, isLeaf: children.length === 0, children: children.map(toTreeNode) };
    }
    if (node.children) return { ...node, children: attachChildren(node.children, parentKey, children) };
    return node;
  });
}

export function findNode(tree: RegionTreeNode[], key: string): RegionTreeNode | undefined {
  for (const node of tree) {
    if (node.key === key) return node;
    const found = node.children ? findNode(node.children, key) : undefined;
    if (found) return found;
  }
  return undefined;
}
