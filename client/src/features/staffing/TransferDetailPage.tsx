import { Card, Descriptions, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StaffingTransferLine } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { staffingApi, staffingKeys } from './api';

/** A transfer document and its lines, each linked to the 对账单 of the establishments it moved posts between. */
export function TransferDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const transfer = useQuery({
    queryKey: staffingKeys.transfer(id),
    queryFn: ({ signal }) => staffingApi.transfer(id, signal),
    enabled: !!id,
  });
  if (transfer.isPending || transfer.isError) return <RecordStatus error={transfer.error} />;
  const x = transfer.data;
  const statement = (establishmentId: string, name: string) => (
    <Link to={`/staffing/establishments/${establishmentId}`}>{name}</Link>
  );

  return (
    <>
      <PageHeader
        title={<span data-testid="transfer-title">{x.documentNo}</span>}
        subtitle={t('staffing.transfers.detailSubtitle', { posts: x.posts })}
        extra={<Link to="/staffing/transfers">{t('staffing.transfers.back')}</Link>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="transfer-detail">
          <Descriptions.Item label={t('staffing.fields.documentNo')}>{x.documentNo}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.documentDate')}>{x.documentDate}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.transfers.approvedBy')}>{x.approvedBy}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.transfers.higherApproval')}>{x.higherApproval ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.effectiveOn')}>{x.effectiveOn}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.posts')}>
            <span data-testid="transfer-posts">{x.posts}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.note')} span={2}>
            {x.note ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('staffing.statement.recorded')} span={2}>
            {formatDateTime(x.recordedAt)} {x.recordedBy}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('staffing.transfers.lines')}>
        <Table<StaffingTransferLine>
          dataSource={x.lines}
          rowKey={(l) => `${l.fromEstablishmentId}-${l.toEstablishmentId}`}
          pagination={false}
          size="middle"
          data-testid="transfer-lines"
          columns={[
            { title: t('staffing.transfers.fromUnit'), key: 'from', render: (_: unknown, l) => statement(l.fromEstablishmentId, l.fromUnitName) },
            { title: t('staffing.transfers.toUnit'), key: 'to', render: (_: unknown, l) => statement(l.toEstablishmentId, l.toUnitName) },
            { title: t('staffing.fields.kind'), dataIndex: 'kindName' },
            { title: t('staffing.fields.funding'), dataIndex: 'fundingName' },
            { title: t('staffing.fields.posts'), dataIndex: 'posts', align: 'right' },
            { title: t('staffing.transfers.purpose'), dataIndex: 'purposeName', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
