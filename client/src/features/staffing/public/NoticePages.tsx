import { Card, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '../../../lib/format';
import { RecordStatus } from '../../../components/RecordStatus';
import { staffingApi, staffingKeys } from '../api';

function Period({ from, until }: { from: string | null; until: string | null }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" data-testid="notice-period">
      {from ? t('staffing.secondment.notice.period', { from: formatDate(from), until: formatDate(until) }) : t('staffing.secondment.notice.periodNone')}
    </Typography.Paragraph>
  );
}

/** /public/staffing/campaigns/:id — 拟选派人员公示 (names masked by the API), readable on a phone. */
export function PublicCampaignNoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = useQuery({ queryKey: staffingKeys.campaignNotice(id), queryFn: ({ signal }) => staffingApi.campaignNotice(id, signal), enabled: !!id });
  if (notice.isPending || notice.isError) return <RecordStatus error={notice.error} />;
  const n = notice.data;
  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="notice-title">
        {t('staffing.secondment.notice.campaignTitle', { year: n.year, name: n.name })}
      </Typography.Title>
      <Period from={n.from} until={n.until} />
      <List
        dataSource={n.candidates}
        locale={{ emptyText: t('staffing.secondment.notice.empty') }}
        data-testid="notice-list"
        renderItem={(c) => (
          <List.Item key={c.rank} data-testid="notice-item">
            <List.Item.Meta
              title={`${c.rank}. ${c.name}`}
              description={`${t('staffing.secondment.notice.originUnit')}：${c.originUnit}，${t('staffing.secondment.notice.township')}：${c.township}（${c.workArea}）`}
            />
            <div>
              {t('staffing.secondment.notice.total')} {c.total}
            </div>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary">{t('staffing.secondment.notice.footer')}</Typography.Paragraph>
    </Card>
  );
}

/** /public/staffing/assessments/:id — 优秀等次公示 of a year's secondees (names masked by the API). */
export function PublicExcellentNoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = useQuery({ queryKey: staffingKeys.excellentNotice(id), queryFn: ({ signal }) => staffingApi.excellentNotice(id, signal), enabled: !!id });
  if (notice.isPending || notice.isError) return <RecordStatus error={notice.error} />;
  const n = notice.data;
  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="notice-title">
        {t('staffing.secondment.notice.excellentTitle', { year: n.year })}
      </Typography.Title>
      <Period from={n.from} until={n.until} />
      <List
        dataSource={n.proposed}
        locale={{ emptyText: t('staffing.secondment.notice.empty') }}
        data-testid="notice-list"
        renderItem={(g, i) => (
          <List.Item key={i} data-testid="notice-item">
            <List.Item.Meta title={g.name} description={`${g.township}（${g.workArea}）`} />
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary">{t('staffing.secondment.notice.footer')}</Typography.Paragraph>
    </Card>
  );
}
