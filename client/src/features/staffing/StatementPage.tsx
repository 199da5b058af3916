import { Card, DatePicker, Descriptions, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { StatementLine, StatementPage as StatementData, StatementQuery } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { parseIsoDate } from '../../lib/dates';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { RecordStatus } from '../../components/RecordStatus';
import { staffingApi, staffingKeys } from './api';
import { useKindLabel } from './Tags';
import { signed } from './model';

const FILTERS = ['from', 'to'] as const;

function Delta({ value }: { value: number }) {
  if (value === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Typography.Text type={value > 0 ? 'success' : 'danger'}>{signed(value)}</Typography.Text>;
}

/** 对账单: every line that changed an establishment's figures, with the running figures after each. */
export function StatementPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { id = '' } = useParams();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const query: Omit<StatementQuery, 'cursor'> = { from: parseIsoDate(filters.from), to: parseIsoDate(filters.to) };
  const list = useCursorList<StatementLine, StatementData>(staffingKeys.statement(id, query), (cursor, signal) =>
    staffingApi.statement(id, { ...query, cursor, limit: 100 }, signal),
  );
  const page = list.firstPage;

  if (!page) return list.error ? <RecordStatus error={list.error} /> : <RecordStatus error={null} />;
  const e = page.establishment;

  return (
    <>
      <PageHeader
        title={<span data-testid="statement-title">{t('staffing.statement.title', { unit: e.unitName })}</span>}
        subtitle={kindLabel(e)}
        extra={
          <Space>
            <Link to={`/staffing/people?unitId=${e.unitId}`} data-testid="statement-people">
              {t('staffing.ledger.people')}
            </Link>
            <Link to="/staffing/ledger">{t('staffing.statement.back')}</Link>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="statement-figures">
          <Descriptions.Item label={t('staffing.statement.asOf')}>{page.to}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.approved')}>
            <span data-testid="statement-approved">{e.approved}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.occupied')}>{e.occupied}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.reserved')}>{e.reserved}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.vacant')}>{e.vacant}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.exceptionPosts')}>{e.exceptionPosts}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.leaders')}>
            <span data-testid="statement-leaders">
              {t('staffing.ledger.leaders', { approved: e.leaderPosts, held: e.leadersHeld, vacant: e.leadersVacant })}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('staffing.statement.period')}</Typography.Text>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            onChange={(range) =>
              setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
            data-testid="statement-period"
          />
          {page.from ? (
            <Typography.Text data-testid="statement-opening">
              {t('staffing.statement.opening', { date: page.from, approved: page.openingApproved, occupied: page.openingOccupied })}
              {page.openingLeaderPosts > 0 || page.openingLeadersHeld > 0
                ? t('staffing.statement.openingLeaders', { approved: page.openingLeaderPosts, held: page.openingLeadersHeld })
                : null}
            </Typography.Text>
          ) : null}
        </Flex>
        <CursorTable<StatementLine>
          list={list}
          rowKey={(l) => `${l.recordedAt}-${l.effectiveOn}-${l.movement}-${l.documentNo ?? ''}-${l.approvedAfter}-${l.occupiedAfter}`}
          size="small"
          data-testid="statement-table"
          columns={[
            { title: t('staffing.statement.effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
            { title: t('staffing.statement.movement'), dataIndex: 'movementName', width: 100 },
            { title: t('staffing.statement.approvedDelta'), dataIndex: 'approvedDelta', align: 'right', render: (v: number) => <Delta value={v} /> },
            { title: t('staffing.statement.occupiedDelta'), dataIndex: 'occupiedDelta', align: 'right', render: (v: number) => <Delta value={v} /> },
            { title: t('staffing.statement.approvedAfter'), dataIndex: 'approvedAfter', align: 'right' },
            { title: t('staffing.statement.occupiedAfter'), dataIndex: 'occupiedAfter', align: 'right' },
            {
              title: t('staffing.statement.leadersDelta'),
              key: 'leadersDelta',
              align: 'right',
              render: (_: unknown, l) =>
                l.leadersApprovedDelta === 0 && l.leadersHeldDelta === 0 ? (
                  '—'
                ) : (
                  <span data-testid="statement-leaders-delta">
                    <Delta value={l.leadersApprovedDelta} /> / <Delta value={l.leadersHeldDelta} />
                  </span>
                ),
            },
            {
              title: t('staffing.statement.leadersAfter'),
              key: 'leadersAfter',
              align: 'right',
              render: (_: unknown, l) => `${l.leadersApprovedAfter} / ${l.leadersHeldAfter}`,
            },
            { title: t('staffing.fields.documentNo'), dataIndex: 'documentNo', render: (v: string | null) => v ?? '—' },
            { title: t('staffing.fields.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            {
              title: t('staffing.statement.recorded'),
              key: 'recorded',
              render: (_: unknown, l) => `${formatDateTime(l.recordedAt)} ${l.recordedBy}`,
            },
          ]}
        />
      </Card>
    </>
  );
}
