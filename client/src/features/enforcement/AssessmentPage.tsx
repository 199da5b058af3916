import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Flex, Row, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, BarChartOutlined, FormOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AssessmentRound, RoundAction, RoundIndicator, RoundParty, WorkflowEvent } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { etagOf } from '../../lib/versions';
import { useCurrentUser, hasPermission } from '../../lib/auth/useAuth';
import { ActionButtons } from '../../components/ActionButtons';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { enforcementApi, enforcementKeys } from './api';
import { RoundStateTag, SourceTag } from './AssessmentTags';
import { RoundActionModal } from './RoundActionModal';
import { isRoundAction, isRoundState, ownScorerId, roundStateColor, visibleRoundActions } from './assessmentModel';

const LABEL_STYLE = { label: { width: 110, whiteSpace: 'nowrap' as const } };

/** One round with its ETag. */
export function useRound(id: string) {
  return useQuery({
    queryKey: enforcementKeys.round(id),
    queryFn: ({ signal }) => enforcementApi.round(id, signal),
    enabled: !!id,
  });
}

/** Where a scorer goes to score: straight to its own sheet (a township's by its region, a county department's by
 * its unit); the API refuses any other scorer's sheet to a scorer. */
function ScoreEntry({ round }: { round: AssessmentRound }) {
  const { t } = useTranslation();
  const own = ownScorerId(round, useCurrentUser());
  return own ? (
    <Link to={`/enforcement/assessments/${round.id}/sheets/${own}`} data-testid="round-my-sheet">
      <Button type="primary" icon={<FormOutlined />}>
        {t('enforcement.assessments.mySheet')}
      </Button>
    </Link>
  ) : null;
}

/**
 * 双向考核 round: its period and window, the indicators, who scores whom, the steps (开始评分, 锁定, 公布) exactly as
 * the API allows this user, the sheets (a scorer's own; every scorer's for the county's managers), the results and
 * the timeline.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const manager = hasPermission(me, 'enforcement.assess');
  const scorer = hasPermission(me, 'enforcement.assess_score');
  const [acting, setActing] = useState<RoundAction | null>(null);
  const query = useRound(id);

  if (query.isPending || query.isError) return <RecordStatus error={query.error} />;
  const r = query.data.data;
  const etag = query.data.etag ?? etagOf(r.version);
  const actions = visibleRoundActions(r);
  const f = (k: 'direction' | 'period' | 'window' | 'lockedAt' | 'publishedAt') => t(`enforcement.assessments.fields.${k}`);
  const mayRank = manager || r.state === 'published';
  const changed = (next: Tagged<AssessmentRound>) => {
    queryClient.setQueryData(enforcementKeys.round(id), { data: next.data, etag: next.etag ?? etagOf(next.data.version) });
    void queryClient.invalidateQueries({ queryKey: enforcementKeys.roundLists });
    void queryClient.invalidateQueries({ queryKey: enforcementKeys.rankings(id) });
  };
  const labels = {
    action: (e: WorkflowEvent) =>
      isRoundAction(e.action)
        ? t(`enforcement.assessments.actions.${e.action}`)
        : e.action === 'create'
          ? t('enforcement.assessments.create')
          : e.action,
    state: (e: WorkflowEvent) =>
      isRoundState(e.toState) && e.toState !== e.fromState ? <RoundStateTag state={e.toState} testId="round-event-state" /> : null,
    color: (e: WorkflowEvent) => (isRoundState(e.toState) ? roundStateColor(e.toState) : 'gray'),
  };

  return (
    <>
      <PageHeader
        title={<span data-testid="round-title">{r.title}</span>}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <RoundStateTag state={r.state} />
            <span>{t(`enforcement.assessments.directions.${r.direction}`)}</span>
            <span>{r.periodLabel}</span>
          </Flex>
        }
        extra={
          <>
            {mayRank ? (
              <Link to={`/enforcement/assessments/${r.id}/rankings`} data-testid="round-rankings-link">
                <Button icon={<BarChartOutlined />}>
                  {r.state === 'published'
                    ? t('enforcement.assessments.rankings')
                    : t('enforcement.assessments.rankingsPreview')}
                </Button>
              </Link>
            ) : null}
            <Link to="/enforcement/assessments">
              <Button icon={<ArrowLeftOutlined />}>{t('enforcement.assessments.back')}</Button>
            </Link>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('enforcement.assessments.sections.round')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} bordered size="small" styles={LABEL_STYLE}>
              <Descriptions.Item label={f('direction')}>
                {t(`enforcement.assessments.directions.${r.direction}`)}
              </Descriptions.Item>
              <Descriptions.Item label={f('period')}>
                {r.periodLabel}（{r.periodFrom} – {r.periodTo}）
              </Descriptions.Item>
              <Descriptions.Item label={f('window')}>
                <Flex gap={8} align="center" wrap>
                  <span data-testid="round-window">
                    {t('enforcement.assessments.window', { from: r.opensOn, to: r.closesOn })}
                  </span>
                  {r.windowOpen ? <Tag color="green">{t('enforcement.assessments.windowOpen')}</Tag> : null}
                </Flex>
              </Descriptions.Item>
              {r.lockedAt ? <Descriptions.Item label={f('lockedAt')}>{formatDateTime(r.lockedAt)}</Descriptions.Item> : null}
              {r.publishedAt ? (
                <Descriptions.Item label={f('publishedAt')}>{formatDateTime(r.publishedAt)}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card title={t('enforcement.assessments.sections.indicators')} size="small" style={{ marginBottom: 16 }}>
            <Table<RoundIndicator>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={r.indicators}
              data-testid="round-indicators-table"
              columns={[
                { title: t('enforcement.assessments.indicator.code'), dataIndex: 'code', width: 120 },
                { title: t('enforcement.assessments.indicator.name'), dataIndex: 'name' },
                { title: t('enforcement.assessments.indicator.weight'), dataIndex: 'weight', width: 80 },
                { title: t('enforcement.assessments.indicator.maxScore'), dataIndex: 'maxScore', width: 80 },
                {
                  title: t('enforcement.assessments.indicator.source'),
                  key: 'source',
                  width: 200,
                  render: (_: unknown, i) => <SourceTag indicator={i} />,
                },
              ]}
            />
          </Card>
          <Card title={t('enforcement.assessments.sections.parties')} size="small">
            <Typography.Text strong>
              {t('enforcement.assessments.scorers', { count: r.scorers.length })}
            </Typography.Text>
            <Flex gap={4} wrap style={{ margin: '8px 0 16px' }} data-testid="round-scorers">
              {r.scorers.map((p) => (
                <Tag key={p.id}>{p.name}</Tag>
              ))}
            </Flex>
            <Typography.Text strong>{t('enforcement.assessments.scored', { count: r.scored.length })}</Typography.Text>
            <Flex gap={4} wrap style={{ marginTop: 8 }} data-testid="round-scored">
              {r.scored.map((p) => (
                <Tag key={p.id}>{p.name}</Tag>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={t('enforcement.assessments.sections.actions')}
            style={{ marginBottom: 16 }}
            data-testid="round-actions"
          >
            {actions.length > 0 ? (
              <Flex gap={8} wrap>
                <ActionButtons
                  actions={actions}
                  label={(a) => t(`enforcement.assessments.actions.${a}`)}
                  danger={() => false}
                  testIdPrefix="round-action-"
                  onAction={setActing}
                />
              </Flex>
            ) : (
              <Typography.Text type="secondary" data-testid="round-no-actions">
                {manager ? t('enforcement.assessments.none') : t('enforcement.assessments.manageOnly')}
              </Typography.Text>
            )}
          </Card>
          {scorer || manager ? (
            <Card
              title={t('enforcement.assessments.sections.sheets')}
              style={{ marginBottom: 16 }}
              data-testid="round-sheets"
            >
              {scorer ? <ScoreEntry round={r} /> : null}
              {manager ? (
                <Table<RoundParty>
                  size="small"
                  rowKey="id"
                  showHeader={false}
                  pagination={false}
                  dataSource={r.scorers}
                  data-testid="round-sheet-list"
                  columns={[
                    { key: 'name', dataIndex: 'name' },
                    {
                      key: 'view',
                      width: 80,
                      render: (_: unknown, s) => (
                        <Link to={`/enforcement/assessments/${r.id}/sheets/${s.id}`} data-testid="round-sheet-link">
                          {t('enforcement.assessments.viewSheet')}
                        </Link>
                      ),
                    },
                  ]}
                />
              ) : null}
            </Card>
          ) : null}
          <Card title={t('enforcement.assessments.sections.timeline')}>
            <WorkflowTimeline events={r.events} testId="round" {...labels} />
          </Card>
        </Col>
      </Row>
      {acting ? (
        <RoundActionModal
          round={r}
          action={acting}
          etag={etag}
          onClose={() => setActing(null)}
          onReload={() => queryClient.invalidateQueries({ queryKey: enforcementKeys.round(id), exact: true })}
          onDone={(next) => {
            const name = t(`enforcement.assessments.actions.${acting}`);
            setActing(null);
            void message.success(t('enforcement.assessments.done', { action: name }));
            changed(next);
          }}
        />
      ) : null}
    </>
  );
}
