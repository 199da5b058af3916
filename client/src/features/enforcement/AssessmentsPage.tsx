import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AssessmentRound } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { enforcementApi, enforcementKeys } from './api';
import { RoundStateTag } from './AssessmentTags';
import { CreateRoundModal } from './CreateRoundModal';
import { roundFilterFromQuery, ROUND_DIRECTIONS, ROUND_FILTER_KEYS, ROUND_STATES } from './assessmentModel';

/**
 * 双向考核: the rounds the caller sees, latest period first, by state and direction (townships see their county's
 * once opened); 创建考核 for the county (enforcement.assess).
 */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayCreate = usePermission('enforcement.assess');
  const [creating, setCreating] = useState(false);
  const [values, setFilters] = useSearchFilters(ROUND_FILTER_KEYS);
  const filter = roundFilterFromQuery(values);
  const list = useCursorList<AssessmentRound>(enforcementKeys.rounds(filter), (cursor, signal) =>
    enforcementApi.rounds({ ...filter, cursor, limit: 50 }, signal),
  );
  const f = (k: 'title' | 'direction' | 'period' | 'window' | 'state' | 'indicators') =>
    t(`enforcement.assessments.fields.${k}`);

  return (
    <>
      <PageHeader
        title={t('enforcement.nav.assessments')}
        subtitle={t('enforcement.assessments.subtitle')}
        extra={
          mayCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
              {t('enforcement.assessments.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="rounds-filters">
          <Select
            allowClear
            placeholder={t('enforcement.assessments.allStates')}
            style={{ minWidth: 140 }}
            value={filter.state}
            onChange={(v) => setFilters({ state: v })}
            options={ROUND_STATES.map((s) => ({ value: s, label: t(`enforcement.assessments.states.${s}`) }))}
            data-testid="rounds-state"
          />
          <Select
            allowClear
            placeholder={t('enforcement.assessments.allDirections')}
            style={{ minWidth: 220 }}
            value={filter.direction}
            onChange={(v) => setFilters({ direction: v })}
            options={ROUND_DIRECTIONS.map((d) => ({ value: d, label: t(`enforcement.assessments.directions.${d}`) }))}
            data-testid="rounds-direction"
          />
        </Flex>
        <CursorTable<AssessmentRound>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1000 }}
          data-testid="rounds-table"
          onRow={(r) =>
            ({ 'data-testid': 'round-row', 'data-id': r.id, 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: f('state'),
              key: 'state',
              width: 100,
              render: (_: unknown, r) => <RoundStateTag state={r.state} testId="round-row-state" />,
            },
            {
              title: f('title'),
              key: 'title',
              render: (_: unknown, r) => (
                <Link to={`/enforcement/assessments/${r.id}`} data-testid="round-row-link">
                  {r.title}
                </Link>
              ),
            },
            {
              title: f('direction'),
              key: 'direction',
              width: 200,
              render: (_: unknown, r) => (
                <span data-testid="round-row-direction">{t(`enforcement.assessments.directions.${r.direction}`)}</span>
              ),
            },
            { title: f('period'), dataIndex: 'periodLabel', width: 140 },
            {
              title: f('window'),
              key: 'window',
              width: 220,
              render: (_: unknown, r) => (
                <Flex vertical>
                  <span>{t('enforcement.assessments.window', { from: r.opensOn, to: r.closesOn })}</span>
                  {r.windowOpen ? (
                    <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="round-row-window-open">
                      {t('enforcement.assessments.windowOpen')}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: f('indicators'),
              key: 'indicators',
              width: 90,
              render: (_: unknown, r) => r.indicators.length,
            },
          ]}
        />
      </Card>
      <CreateRoundModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={(created) => {
          setCreating(false);
          void message.success(t('enforcement.assessments.created'));
          void queryClient.invalidateQueries({ queryKey: enforcementKeys.roundLists });
          void navigate(`/enforcement/assessments/${created.data.id}`);
        }}
      />
    </>
  );
}
