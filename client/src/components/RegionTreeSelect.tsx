import { useCallback, useEffect, useRef, useState } from 'react';
import { TreeSelect } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region } from '../lib/api/types';
import { directoryApi, organizationKeys } from '../lib/api/organization';

interface SimpleNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
  id?: string;
}

function toNodes(regions: Region[], parentId: string | null): SimpleNode[] {
  return regions.map((r) => ({ id: r.id, pId: parentId, value: r.id, title: r.name, isLeaf: r.childCount === 0 }));
}

/**
 * A region picker that starts at the caller's own root region and loads children on demand.
 * A value that is not loaded yet (e.g. a regionId from the query string) is revealed by loading
 * the children of its ancestors, so the picker shows the name rather than an id.
 */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, style, testId, id }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState<SimpleNode[]>([]);
  const loaded = useRef(new Set<string>());

  const fetchChildren = useCallback(
    (parentId: string | null) =>
      queryClient.fetchQuery({
        queryKey: organizationKeys.regionChildren(parentId),
        queryFn: ({ signal }) => directoryApi.regions(parentId, signal),
        staleTime: 5 * 60_000,
      }),
    [queryClient],
  );

  const addChildren = useCallback((parentId: string | null, regions: Region[]) => {
    setNodes((prev) => {
      const known = new Set(prev.map((n) => n.id));
      return [...prev, ...toNodes(regions, parentId).filter((n) => !known.has(n.id))];
    });
  }, []);

  const loadChildren = useCallback(
    async (parentId: string) => {
      if (loaded.current.has(parentId)) return;
      loaded.current.add(parentId);
      try {
        addChildren(parentId, await fetchChildren(parentId));
      } catch {
        loaded.current.delete(parentId);
      }
    },
    [addChildren, fetchChildren],
  );

  // The caller's root region.
  useEffect(() => {
    let cancelled = false;
    fetchChildren(null)
      .then((roots) => {
        if (!cancelled) addChildren(null, roots);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [fetchChildren, addChildren]);

  // Reveal a preselected value that lies deeper than what is loaded.
  const hasRoots = nodes.length > 0;
  const valueKnown = value ? nodes.some((n) => n.id === value) : true;
  useEffect(() => {
    if (!value || valueKnown || !hasRoots) return;
    let cancelled = false;
    void (async () => {
      try {
        const detail = await queryClient.fetchQuery({
          queryKey: organizationKeys.region(value),
          queryFn: ({ signal }) => directoryApi.region(value, signal),
          staleTime: 60_000,
        });
        for (const ancestor of detail.ancestors) {
          if (cancelled) return;
          await loadChildren(ancestor.id);
        }
      } catch {
        // out of scope or gone: the picker shows the raw value
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [value, valueKnown, hasRoots, queryClient, loadChildren]);

  return (
    <TreeSelect<string>
      id={id}
      data-testid={testId}
      style={{ minWidth: 240, ...style }}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder ?? t('region.filterPlaceholder')}
      allowClear={allowClear}
      showSearch={false}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(node) => loadChildren(String(node.value))}
      popupMatchSelectWidth={false}
    />
  );
}
