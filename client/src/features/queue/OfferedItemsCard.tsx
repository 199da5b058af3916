import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, Skeleton, Table, Tag, Transfer, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CentreDetail, OfferedItem } from '../../lib/api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { queueApi, queueKeys } from './api';
import { useCountyItems } from './hooks';
import { itemsChanged, offeredItemsEditor, type EditorItem } from './model';

function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  if (kind === 'immediate') return <Tag color="green">{t('applications.itemKinds.immediate')}</Tag>;
  if (kind === 'promised') return <Tag color="blue">{t('applications.itemKinds.promised')}</Tag>;
  return <Tag>{kind}</Tag>;
}

function LevelText({ level }: { level: string }) {
  const { t } = useTranslation();
  return <>{level === 'township' || level === 'village' ? t(`queue.itemLevels.${level}`) : level}</>;
}

/**
 * 进驻事项: the items the centre offers. The administration edits them with a transfer list of the county's items in
 * force today (searched by code or name) and saves the whole set with PUT.
 */
export function OfferedItemsCard({ detail, canManage }: { detail: CentreDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('queue.items.title', { count: detail.items.length })}
      data-testid="offered-items-card"
      extra={
        canManage && !editing ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="offered-items-edit">
            {t('queue.items.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <ItemsEditor detail={detail} onDone={() => setEditing(false)} />
      ) : (
        <Table<OfferedItem>
          rowKey="itemId"
          size="small"
          pagination={false}
          dataSource={detail.items}
          data-testid="offered-items-table"
          locale={{ emptyText: t('queue.items.empty') }}
          onRow={(i) => ({ 'data-testid': 'offered-item-row', 'data-code': i.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'code', title: t('queue.items.code'), render: (_, i) => <Typography.Text code>{i.code}</Typography.Text> },
            { key: 'name', title: t('queue.items.name'), dataIndex: 'name' },
            { key: 'level', title: t('queue.items.level'), render: (_, i) => <LevelText level={i.level} /> },
            { key: 'kind', title: t('queue.items.kind'), render: (_, i) => <KindTag kind={i.kind} /> },
          ]}
        />
      )}
    </Card>
  );
}

function ItemsEditor({ detail, onDone }: { detail: CentreDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const county = useCountyItems(true);
  const editor = useMemo(() => offeredItemsEditor(county.data ?? [], detail.items), [county.data, detail.items]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? editor.selected;
  const centreId = detail.centre.id;

  const save = useMutation({
    mutationFn: (itemIds: string[]) => queueApi.setItems(centreId, { itemIds }),
    onSuccess: (next) => {
      queryClient.setQueryData(queueKeys.centre(centreId), next);
      void queryClient.invalidateQueries({ queryKey: queueKeys.centres });
      void message.success(t('queue.items.saved', { count: next.items.length }));
      onDone();
    },
  });

  if (county.isPending) return <Skeleton active />;
  if (county.isError) return <ProblemAlert error={county.error} />;

  const changed = editor.stale.length > 0 || itemsChanged(selected, detail.items);
  return (
    <div data-testid="offered-items-editor">
      {editor.stale.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="offered-items-stale"
          title={t('queue.items.stale', { count: editor.stale.length, names: editor.stale.map((s) => s.name).join('、') })}
        />
      ) : null}
      {save.error ? <ProblemAlert error={save.error} style={{ marginBottom: 12 }} /> : null}
      <div data-testid="offered-items-transfer" style={{ overflowX: 'auto' }}>
      <Transfer<EditorItem>
        dataSource={editor.items}
        targetKeys={selected}
        onChange={(keys) => setChosen(keys.map(String))}
        titles={[t('queue.items.available'), t('queue.items.offered')]}
        actions={[
          <span key="add" data-testid="offered-items-add">
            {t('queue.items.add')}
          </span>,
          <span key="remove" data-testid="offered-items-remove">
            {t('queue.items.remove')}
          </span>,
        ]}
        showSearch={{ placeholder: t('queue.items.searchPlaceholder') }}
        filterOption={(input, item) => item.code.includes(input.trim()) || item.name.includes(input.trim())}
        render={(item) => (
          <span data-testid="transfer-item" data-code={item.code}>
            {item.code} {item.name}
          </span>
        )}
        styles={{ section: { width: 440, height: 420 } }}
        locale={{ notFoundContent: t('queue.items.none') }}
      />
      </div>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Button onClick={onDone} data-testid="offered-items-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          loading={save.isPending}
          disabled={!changed}
          onClick={() => save.mutate(selected)}
          data-testid="offered-items-save"
        >
          {t('queue.items.save', { count: selected.length })}
        </Button>
      </Flex>
    </div>
  );
}
