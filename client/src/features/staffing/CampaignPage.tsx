import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Progress, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Campaign, CampaignAction, CampaignPost, Objection, RankedCandidate, Registration } from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';
import { etagOf } from '../../lib/versions';
import { usePermission } from '../../lib/auth/useAuth';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { ActionButtons } from '../../components/ActionButtons';
import { problemMessage } from '../../components/ProblemAlert';
import { staffingApi, staffingKeys } from './api';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATES,
  isDangerCampaignAction,
  postsLeftOf,
  postsWithRoom,
  scoreField,
  stageIndex,
  takesObjections,
  whoseTurn,
} from './secondment';
import {
  CampaignActionModal,
  ChooseModal,
  DecideModal,
  DisqualifyModal,
  ObjectionModal,
  postLabel,
  RegisterModal,
} from './CampaignModals';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { CampaignScores } from './CampaignScores';

const REGISTRATION_COLORS: Record<Registration['state'], string> = { registered: 'processing', qualified: 'success', disqualified: 'error' };

function PostsCard({ posts }: { posts: readonly CampaignPost[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('staffing.secondment.campaigns.postsCard')} style={{ marginBottom: 16 }}>
      <Table<CampaignPost>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...posts]}
        data-testid="campaign-posts"
        columns={[
          { title: t('staffing.secondment.campaigns.township'), dataIndex: 'townshipName' },
          { title: t('staffing.secondment.campaigns.workArea'), dataIndex: 'workAreaName' },
          { title: t('staffing.secondment.campaigns.postCount'), dataIndex: 'posts', align: 'right' },
          {
            title: t('staffing.secondment.campaigns.taken'),
            key: 'taken',
            width: 160,
            render: (_: unknown, p) => (
              <Progress percent={p.posts ? Math.round((p.taken / p.posts) * 100) : 0} format={() => `${p.taken} / ${p.posts}`} size="small" />
            ),
          },
          {
            title: t('staffing.secondment.campaigns.left'),
            key: 'left',
            align: 'right',
            render: (_: unknown, p) => <span data-testid="post-left">{postsLeftOf(p)}</span>,
          },
        ]}
      />
    </Card>
  );
}

/** 选派批次 board: the stages, the posts, registrations and their review, scores, ranking, 选岗 and the 公示. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [action, setAction] = useState<CampaignAction>();
  const [registering, setRegistering] = useState(false);
  const [disqualifying, setDisqualifying] = useState<Registration>();
  const [choosing, setChoosing] = useState<RankedCandidate>();
  const [objecting, setObjecting] = useState(false);
  const [deciding, setDeciding] = useState<Objection>();

  const campaign = useQuery({ queryKey: staffingKeys.campaign(id), queryFn: ({ signal }) => staffingApi.campaign(id, signal), enabled: !!id });
  const objectionList = useQuery({
    queryKey: staffingKeys.objections(id),
    queryFn: ({ signal }) => staffingApi.objections(id, signal),
    enabled: !!id,
  });
  const objections = objectionList.data ?? [];
  const registrations = useQuery({
    queryKey: staffingKeys.registrations(id),
    queryFn: ({ signal }) => staffingApi.registrations(id, signal),
    enabled: !!id,
  });
  const state = campaign.data?.data.state;
  const ranked = !!state && stageIndex(state) >= stageIndex('interview');
  const ranking = useQuery({
    queryKey: staffingKeys.ranking(id),
    queryFn: ({ signal }) => staffingApi.ranking(id, signal),
    enabled: !!id && ranked,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: staffingKeys.campaign(id) });
  const qualify = useMutation({
    mutationFn: (r: Registration) => staffingApi.qualify(id, r.id, { qualified: true, reason: null }),
    onSuccess: () => {
      void message.success(t('staffing.secondment.registrations.qualifiedDone'));
      void refresh();
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });

  if (campaign.isPending || campaign.isError) return <RecordStatus error={campaign.error} />;
  const { data: c, etag } = campaign.data;
  const actions = knownActions(CAMPAIGN_ACTIONS, c.allowedActions);
  const regs = registrations.data ?? [];
  const field = scoreField(c.state);
  const open = postsWithRoom(c.posts);
  const turn = c.state === 'choosing' ? whoseTurn(ranking.data ?? [], c.posts) : undefined;
  const turnCandidate = ranking.data?.find((r) => r.registrationId === turn);
  const postName = (postId: string | null) => {
    const p = c.posts.find((x) => x.id === postId);
    return p ? postLabel(p) : '';
  };
  const nameOf = (registrationId: string | null) => regs.find((r) => r.id === registrationId)?.name ?? '';

  return (
    <>
      <PageHeader
        title={<span data-testid="campaign-title">{c.name}</span>}
        subtitle={<Tag color="processing" data-testid="campaign-state">{c.stateName}</Tag>}
        extra={
          <>
            <ActionButtons
              actions={actions}
              label={(a) => t(`staffing.secondment.actions.${a}`)}
              danger={isDangerCampaignAction}
              testIdPrefix="campaign-"
              onAction={setAction}
            />
            {c.publicityFrom ? (
              <Link to={`/public/staffing/campaigns/${c.id}`} target="_blank" data-testid="campaign-notice-link">
                {t('staffing.secondment.campaigns.notice')}
              </Link>
            ) : null}
            <Link to="/staffing/campaigns">{t('staffing.secondment.campaigns.back')}</Link>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stageIndex(c.state)}
          status={c.state === 'hired' ? 'finish' : 'process'}
          items={CAMPAIGN_STATES.map((s) => ({ title: t(`staffing.secondment.stage.${s}`) }))}
          data-testid="campaign-steps"
        />
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('staffing.secondment.campaigns.year')}>{c.year}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.secondment.campaigns.writtenWeight')}>{c.writtenWeight}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.secondment.campaigns.registrations')}>{c.registrations}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.secondment.campaigns.qualified')}>{c.qualified}</Descriptions.Item>
          {c.publicityFrom ? (
            <Descriptions.Item label={t('staffing.secondment.campaigns.publicity')}>
              <span data-testid="campaign-publicity">
                {formatDate(c.publicityFrom)} – {formatDate(c.publicityUntil)}
              </span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <PostsCard posts={c.posts} />
          <Card
            title={t('staffing.secondment.registrations.title')}
            style={{ marginBottom: 16 }}
            extra={
              canManage && c.state === 'registration' ? (
                <Button icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="register-open">
                  {t('staffing.secondment.registrations.register')}
                </Button>
              ) : null
            }
          >
            <Table<Registration>
              size="small"
              rowKey="id"
              pagination={false}
              loading={registrations.isPending}
              dataSource={regs}
              locale={{ emptyText: t('staffing.secondment.registrations.empty') }}
              data-testid="registrations-table"
              columns={[
                { title: t('staffing.secondment.registrations.name'), dataIndex: 'name' },
                { title: t('staffing.secondment.registrations.idNumber'), dataIndex: 'idNumber' },
                { title: t('staffing.secondment.registrations.originUnit'), dataIndex: 'originUnit' },
                { title: t('staffing.secondment.registrations.registeredAt'), dataIndex: 'registeredAt', render: (v: string) => formatDateTime(v) },
                {
                  title: t('staffing.secondment.registrations.state'),
                  dataIndex: 'state',
                  render: (v: Registration['state'], r) => (
                    <>
                      <Tag color={REGISTRATION_COLORS[v]} data-testid="registration-state">
                        {t(`staffing.secondment.registrationState.${v}`)}
                      </Tag>
                      {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
                    </>
                  ),
                },
                ...(canManage && c.state === 'qualification'
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'review',
                        render: (_: unknown, r: Registration) => (
                          <Space>
                            <Button
                              size="small"
                              disabled={r.state === 'qualified'}
                              loading={qualify.isPending && qualify.variables?.id === r.id}
                              onClick={() => qualify.mutate(r)}
                              data-testid={`qualify-${r.id}`}
                            >
                              {t('staffing.secondment.registrations.qualify')}
                            </Button>
                            <Button size="small" danger disabled={r.state === 'disqualified'} onClick={() => setDisqualifying(r)} data-testid={`disqualify-${r.id}`}>
                              {t('staffing.secondment.registrations.disqualify')}
                            </Button>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {canManage && field ? (
            <CampaignScores campaign={c} field={field} registrations={regs} onSaved={() => void refresh()} key={field} />
          ) : null}
          {ranked ? (
            <Card title={t('staffing.secondment.ranking.title')} style={{ marginBottom: 16 }}>
              {c.state === 'choosing' ? (
                <Alert
                  type="info"
                  style={{ marginBottom: 12 }}
                  data-testid="choose-turn"
                  title={
                    turnCandidate
                      ? t('staffing.secondment.ranking.nextTurn', { rank: turnCandidate.rank, name: turnCandidate.name })
                      : t('staffing.secondment.ranking.allChosen')
                  }
                />
              ) : null}
              <Table<RankedCandidate>
                size="small"
                rowKey="registrationId"
                pagination={false}
                loading={ranking.isPending}
                dataSource={ranking.data ?? []}
                locale={{ emptyText: t('staffing.secondment.ranking.empty') }}
                rowClassName={(r) => (r.registrationId === turn ? 'ant-table-row-selected' : '')}
                data-testid="ranking-table"
                columns={[
                  { title: t('staffing.secondment.ranking.rank'), dataIndex: 'rank', width: 60 },
                  { title: t('staffing.secondment.registrations.name'), dataIndex: 'name' },
                  { title: t('staffing.secondment.registrations.originUnit'), dataIndex: 'originUnit' },
                  { title: t('staffing.secondment.ranking.written'), dataIndex: 'written', align: 'right' },
                  { title: t('staffing.secondment.ranking.interview'), dataIndex: 'interview', align: 'right' },
                  { title: t('staffing.secondment.ranking.total'), dataIndex: 'total', align: 'right', render: (v: number) => <strong>{v}</strong> },
                  { title: t('staffing.secondment.ranking.post'), dataIndex: 'chosenPostId', render: (v: string | null) => postName(v) },
                  ...(canManage && c.state === 'choosing'
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'choose',
                          render: (_: unknown, r: RankedCandidate) =>
                            r.chosenPostId ? null : (
                              <Button
                                size="small"
                                type={r.registrationId === turn ? 'primary' : 'default'}
                                disabled={r.registrationId !== turn}
                                onClick={() => setChoosing(r)}
                                data-testid={`choose-${r.rank}`}
                              >
                                {t('staffing.secondment.ranking.choose')}
                              </Button>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          ) : null}
          {c.state === 'publicity' || objections.length > 0 ? (
            <Card
              title={t('staffing.secondment.objections.title')}
              style={{ marginBottom: 16 }}
              extra={
                canManage && takesObjections(c) ? (
                  <Button icon={<PlusOutlined />} onClick={() => setObjecting(true)} data-testid="objection-open">
                    {t('staffing.secondment.objections.record')}
                  </Button>
                ) : null
              }
            >
              {c.publicityFrom ? (
                <Typography.Paragraph>
                  {t('staffing.secondment.objections.publicityPeriod', { from: formatDate(c.publicityFrom), until: formatDate(c.publicityUntil) })}
                </Typography.Paragraph>
              ) : null}
              <Table<Objection>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={objections}
                data-testid="objections-table"
                columns={[
                  { title: t('staffing.secondment.objections.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
                  { title: t('staffing.secondment.objections.registration'), dataIndex: 'registrationId', render: (v: string | null) => nameOf(v) },
                  { title: t('staffing.secondment.objections.content'), dataIndex: 'content' },
                  {
                    title: t('staffing.secondment.objections.result'),
                    key: 'result',
                    render: (_: unknown, o) =>
                      o.upheld === null ? (
                        canManage ? (
                          <Button size="small" onClick={() => setDeciding(o)} data-testid="objection-decide">
                            {t('staffing.secondment.objections.decide')}
                          </Button>
                        ) : (
                          t('staffing.secondment.objections.pending')
                        )
                      ) : (
                        <>
                          <Tag color={o.upheld ? 'error' : 'default'}>
                            {o.upheld ? t('staffing.secondment.objections.upheld') : t('staffing.secondment.objections.rejected')}
                          </Tag>
                          {o.decision}
                        </>
                      ),
                  },
                ]}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('staffing.secondment.campaigns.timeline')}>
            <WorkflowTimeline events={c.events} testId="campaign" action={(e) => t(`staffing.secondment.campaignState.${e.toState as Campaign['state']}`, e.toState)} />
          </Card>
        </Col>
      </Row>
      <CampaignActionModal
        campaign={c}
        etag={etag ?? etagOf(c.version)}
        action={action}
        onClose={() => setAction(undefined)}
        onReload={() => campaign.refetch()}
        onDone={(updated) => {
          setAction(undefined);
          void message.success(t('staffing.secondment.campaigns.done', { state: updated.stateName }));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
        }}
      />
      <RegisterModal
        campaignId={c.id}
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(r) => {
          setRegistering(false);
          void message.success(t('staffing.secondment.registrations.registered', { name: r.name }));
          void refresh();
        }}
      />
      <DisqualifyModal
        campaignId={c.id}
        registration={disqualifying}
        onClose={() => setDisqualifying(undefined)}
        onDone={() => {
          setDisqualifying(undefined);
          void message.success(t('staffing.secondment.registrations.qualifiedDone'));
          void refresh();
        }}
      />
      <ChooseModal
        campaignId={c.id}
        candidate={choosing}
        posts={open}
        onClose={() => setChoosing(undefined)}
        onDone={() => {
          void message.success(t('staffing.secondment.ranking.chosen', { name: choosing?.name ?? '' }));
          setChoosing(undefined);
          void refresh();
        }}
      />
      <ObjectionModal
        campaignId={c.id}
        open={objecting}
        candidates={ranking.data ?? []}
        onClose={() => setObjecting(false)}
        onDone={() => {
          setObjecting(false);
          void message.success(t('staffing.secondment.objections.recorded'));
          void refresh();
        }}
      />
      <DecideModal
        campaignId={c.id}
        objection={deciding}
        onClose={() => setDeciding(undefined)}
        onDone={() => {
          setDeciding(undefined);
          void message.success(t('staffing.secondment.objections.decided'));
          void refresh();
        }}
      />
    </>
  );
}
