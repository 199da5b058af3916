import { useState } from 'react';
import { App as AntApp, Button, Drawer, Input, Popconfirm, Table, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServiceKpiRevision } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert, problemMessage } from '../../components/ProblemAlert';
import { serviceKpisApi, serviceKpisKeys } from './api';

/** 修订 of a closed month (services.manage): a new revision, with its reason, for every unit whose figures changed, never an overwrite. */
export function ReviseButton({ month, size = 'small' }: { month: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const revise = useMutation({
    mutationFn: () => serviceKpisApi.revise(month, reason.trim()),
    onSuccess: (r) => {
      void message.success(r.revised > 0 ? t('serviceKpis.revise.done', { month: r.month, count: r.revised }) : t('serviceKpis.revise.unchanged', { month: r.month }));
      setReason('');
      void queryClient.invalidateQueries({ queryKey: serviceKpisKeys.all });
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });
  return (
    <Popconfirm
      title={t('serviceKpis.revise.confirmTitle', { month })}
      description={
        <div style={{ maxWidth: 320 }}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('serviceKpis.revise.confirm')}</Typography.Paragraph>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('serviceKpis.revise.reason')}
            data-testid={`service-kpis-revise-reason-${month}`}
          />
        </div>
      }
      okText={t('serviceKpis.revise.button')}
      okButtonProps={{ disabled: reason.trim() === '' }}
      cancelText={t('common.cancel')}
      onConfirm={() => revise.mutateAsync().catch(() => undefined)}
    >
      <Button size={size} loading={revise.isPending} data-testid={`service-kpis-revise-${month}`}>
        {t('serviceKpis.revise.button')}
      </Button>
    </Popconfirm>
  );
}

/** The revision history of a month: every frozen revision of the units that were revised, with their counters. */
export function RevisionsDrawer({ month, mayManage, onClose }: { month: string | null; mayManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const revisions = useQuery({
    queryKey: serviceKpisKeys.revisions(month ?? ''),
    queryFn: ({ signal }) => serviceKpisApi.revisions(month ?? '', signal),
    enabled: !!month,
  });
  const count = (key: keyof ServiceKpiRevision & string, title: string) => ({ title, dataIndex: key, key, width: 72, align: 'right' as const });
  return (
    <Drawer
      open={month !== null}
      onClose={onClose}
      size={960}
      title={
        <span>
          <HistoryOutlined /> {t('serviceKpis.revisions.title', { month: month ?? '' })}
        </span>
      }
      extra={month && mayManage ? <ReviseButton month={month} size="middle" /> : null}
      data-testid="service-kpis-revisions-drawer"
    >
      <Typography.Paragraph type="secondary">{t('serviceKpis.revisions.intro')}</Typography.Paragraph>
      {revisions.isError ? <ProblemAlert error={revisions.error} style={{ marginBottom: 16 }} /> : null}
      <Table<ServiceKpiRevision>
        data-testid="service-kpis-revisions"
        rowKey={(r) => `${r.regionName}|${r.level}|${r.revision}`}
        size="small"
        loading={revisions.isPending && !!month}
        dataSource={revisions.data ?? []}
        pagination={false}
        scroll={{ x: 1450 }}
        locale={{ emptyText: t('serviceKpis.revisions.none') }}
        onRow={(r) => ({ 'data-testid': 'service-kpis-revision', 'data-revision': r.revision }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('serviceKpis.table.region'), dataIndex: 'regionName', key: 'region', width: 140, fixed: 'left' },
          {
            title: t('serviceKpis.filters.level'),
            key: 'level',
            width: 90,
            render: (_: unknown, r) => (r.level === 'county' || r.level === 'township' || r.level === 'village' ? t(`serviceKpis.levels.${r.level}`) : r.level),
          },
          {
            title: t('serviceKpis.revisions.revision'),
            key: 'revision',
            width: 80,
            render: (_: unknown, r) => t('serviceKpis.revisionNo', { revision: r.revision }),
          },
          { title: t('serviceKpis.revisions.frozenAt'), key: 'frozenAt', width: 140, render: (_: unknown, r) => formatDateTime(r.frozenAt) },
          count('received', t('serviceKpis.counters.received')),
          count('completed', t('serviceKpis.counters.completed')),
          count('onTheSpot', t('serviceKpis.counters.onTheSpot')),
          count('onTime', t('serviceKpis.counters.onTime')),
          count('visits', t('serviceKpis.counters.visits')),
          count('ratings', t('serviceKpis.counters.ratings')),
          count('goodRatings', t('serviceKpis.counters.goodRatings')),
          count('badRatings', t('serviceKpis.counters.badRatings')),
          count('badRectifiedInTime', t('serviceKpis.counters.badRectifiedInTime')),
          count('badVoided', t('serviceKpis.counters.badVoided')),
          count('forwarded', t('serviceKpis.counters.forwarded')),
          { title: t('serviceKpis.revisions.reason'), dataIndex: 'reason', key: 'reason', width: 200, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Drawer>
  );
}
