import { useCallback, useEffect, useState } from 'react';
import { Card, Col, Empty, Row, Spin, Tag, Tree } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { organizationApi, organizationKeys } from './api';
import { attachChildren, findNode, toTreeNode, type RegionTreeNode } from './regionTree';

/** 行政区划: a lazily loaded tree rooted at the caller's own region; the detail of the selected node on the right. */
export function RegionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id: selectedId } = useParams();
  const queryClient = useQueryClient();
  const [tree, setTree] = useState<RegionTreeNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);

  const roots = useQuery({
    queryKey: organizationKeys.regionChildren(null),
    queryFn: ({ signal }) => organizationApi.regions(null, signal),
    staleTime: 5 * 60_000,
  });

  // Start from the caller's root, opened one level.
  useEffect(() => {
    if (!roots.data) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- seeds the lazily grown tree once the root regions arrive; later loads add to it
    setTree(roots.data.map(toTreeNode));
    setExpandedKeys(roots.data.filter((r) => r.childCount > 0).map((r) => r.id));
  }, [roots.data]);

  const fetchChildren = useCallback(
    (parentId: string) =>
      queryClient.fetchQuery({
        queryKey: organizationKeys.regionChildren(parentId),
        queryFn: ({ signal }) => organizationApi.regions(parentId, signal),
        staleTime: 5 * 60_000,
      }),
    [queryClient],
  );

  const loadNode = useCallback(
    async (key: string) => {
      const children = await fetchChildren(key);
      setTree((prev) => {
        const node = findNode(prev, key);
        return node?.children ? prev : attachChildren(prev, key, children);
      });
    },
    [fetchChildren],
  );

  // Opening /regions/:id directly: expand the path from the root down to the selected region.
  const selected = useQuery({
    queryKey: organizationKeys.region(selectedId ?? ''),
    queryFn: ({ signal }) => organizationApi.region(selectedId ?? '', signal),
    enabled: !!selectedId,
  });
  const rootIds = roots.data?.map((r) => r.id).join(',') ?? '';
  useEffect(() => {
    const ancestors = selected.data?.ancestors;
    if (!ancestors || !rootIds) return;
    const start = ancestors.findIndex((a) => rootIds.split(',').includes(a.id));
    if (start < 0) return;
    const path = ancestors.slice(start).map((a) => a.id);
    let cancelled = false;
    void (async () => {
      for (const key of path) {
        if (cancelled) return;
        try {
          await loadNode(key);
        } catch {
          return;
        }
      }
      if (!cancelled) setExpandedKeys((prev) => Array.from(new Set([...prev, ...path])));
    })();
    return () => {
      cancelled = true;
    };
  }, [selected.data, rootIds, loadNode]);

  return (
    <>
      <PageHeader title={t('nav.regions')} />
      <Row gutter={16}>
        <Col xs={24} md={9} xl={7}>
          <Card title={t('region.tree')} size="small" styles={{ body: { maxHeight: '72vh', overflow: 'auto' } }}>
            {roots.isPending ? (
              <Spin />
            ) : roots.isError ? (
              <ProblemAlert error={roots.error} />
            ) : (
              <Tree<RegionTreeNode>
                data-testid="region-tree"
                treeData={tree}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpandedKeys(keys.map(String))}
                loadData={(node) => loadNode(node.key)}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) void navigate(`/regions/${String(key)}`);
                }}
                titleRender={(node) => (
                  <span
                    data-testid="region-node"
                    data-region-id={node.region.id}
                    data-level={node.region.level}
                    data-kind={node.region.kind}
                  >
                    <span className="region-name">{node.region.name}</span>{' '}
                    <Tag style={{ marginInlineStart: 4 }} variant="filled">
                      {t(`region.kinds.${node.region.kind}`, { defaultValue: node.region.kind })}
                    </Tag>
                  </span>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17}>
          <Outlet />
        </Col>
      </Row>
    </>
  );
}

export function RegionsIndex() {
  const { t } = useTranslation();
  return (
    <Card>
      <Empty description={t('region.selectHint')} />
    </Card>
  );
}
