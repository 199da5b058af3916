import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BenchmarkDegree, BenchmarkSet } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { enforcementKeys } from './api';
import { useAllBenchmarks, usePenaltyItems } from './hooks';
import { degreeRange, isDegree, isPenaltyKind } from './caseModel';
import { matchesItem } from './benchmarkModel';
import { BenchmarkModal } from './BenchmarkModal';

/** One degree on a line: its name, the kinds it allows, the fine range, and the situation it describes. */
function DegreeLine({ d }: { d: BenchmarkDegree }) {
  const { t } = useTranslation();
  const range = degreeRange(d);
  return (
    <Flex gap={6} wrap align="baseline" data-testid="benchmark-degree-line" data-degree={d.degree}>
      <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
        {isDegree(d.degree) ? t(`enforcement.cases.degrees.${d.degree}`) : (d.degreeName ?? d.degree)}
      </Tag>
      <span>{d.kinds.map((k) => (isPenaltyKind(k) ? t(`enforcement.cases.penaltyKinds.${k}`) : k)).join('、')}</span>
      {range ? (
        <Typography.Text strong data-testid="benchmark-degree-range">
          {t('enforcement.cases.yuan', { amount: range })}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.description}
      </Typography.Text>
    </Flex>
  );
}

type Editing = { set: BenchmarkSet | undefined };

/**
 * 裁量基准 (行政处罚法 34): the county's benchmarks per 行政处罚 item — the degrees of a violation with the kinds and
 * the fine range each allows. Everyone in the county reads them; those with enforcement.benchmarks (the county)
 * change an item's degrees or set them for another item.
 */
export function BenchmarksPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const mayEdit = usePermission('enforcement.benchmarks');
  const sets = useAllBenchmarks();
  const items = usePenaltyItems();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const names = new Map((items.data ?? []).map((i) => [i.code, i.name]));
  const shown = (sets.data ?? []).filter((s) => matchesItem(s.itemCode, names.get(s.itemCode), text));
  const unset = (items.data ?? []).filter((i) => !(sets.data ?? []).some((s) => s.itemCode === i.code));
  // the set as last read (a 412's reload brings its new version)
  const current = editing?.set ? sets.data?.find((s) => s.itemCode === editing.set?.itemCode) : undefined;

  return (
    <>
      <PageHeader
        title={t('enforcement.nav.benchmarks')}
        subtitle={t('enforcement.benchmarks.subtitle')}
        extra={
          mayEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ set: undefined })}
              data-testid="benchmark-create"
            >
              {t('enforcement.benchmarks.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder={t('enforcement.benchmarks.searchPlaceholder')}
          style={{ maxWidth: 360, marginBottom: 16 }}
          onChange={(e) => setText(e.target.value)}
          data-testid="benchmarks-search"
        />
        {sets.error ? <ProblemAlert error={sets.error} style={{ marginBottom: 16 }} /> : null}
        <Table<BenchmarkSet>
          rowKey="itemCode"
          size="middle"
          loading={sets.isPending}
          dataSource={shown}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('enforcement.benchmarks.empty') }}
          data-testid="benchmarks-table"
          onRow={(s) =>
            ({ 'data-testid': 'benchmark-row', 'data-code': s.itemCode }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('enforcement.benchmarks.fields.item'),
              key: 'item',
              width: 280,
              render: (_: unknown, s) => (
                <Flex vertical>
                  <Typography.Text strong>{s.itemCode}</Typography.Text>
                  <span data-testid="benchmark-item-name">{names.get(s.itemCode) ?? t('common.none')}</span>
                </Flex>
              ),
            },
            {
              title: t('enforcement.benchmarks.fields.degrees'),
              key: 'degrees',
              render: (_: unknown, s) => (
                <Flex vertical gap={4}>
                  {s.degrees.map((d) => (
                    <DegreeLine key={d.degree} d={d} />
                  ))}
                </Flex>
              ),
            },
            {
              title: t('enforcement.benchmarks.fields.version'),
              dataIndex: 'version',
              width: 70,
            },
            ...(mayEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 100,
                    render: (_: unknown, s: BenchmarkSet) => (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ set: s })}
                        data-testid="benchmark-edit"
                      >
                        {t('enforcement.benchmarks.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? (
        <BenchmarkModal
          set={current ?? editing.set}
          items={unset}
          itemName={editing.set ? names.get(editing.set.itemCode) : undefined}
          onClose={() => setEditing(null)}
          onReload={() => sets.refetch()}
          onSaved={({ data }) => {
            setEditing(null);
            void message.success(t('enforcement.benchmarks.saved', { item: data.itemCode }));
            void queryClient.invalidateQueries({ queryKey: enforcementKeys.allBenchmarks });
          }}
        />
      ) : null}
    </>
  );
}
