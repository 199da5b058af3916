import { useEffect } from 'react';
import { Button, Card, Col, Empty, Flex, Result, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { Ticket } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PublicCountyPicker } from '../../components/PublicCountyPicker';
import { publicQueueApi, queueKeys } from './api';
import { useQueueBoard } from './hooks';
import { itemIdFromQuery, rememberCounty, rememberedCounty } from './model';
import { PublicCentreCard } from '../../components/PublicCentreCard';
import { useWaitFormat } from './QueueTags';
import './queue.css';

/** The links of the public header: the published power lists and the service network with its live queues. */
export function PublicQueueLinks() {
  const { t } = useTranslation();
  const linkStyle = { color: '#fff' } as const;
  return (
    <Space size="middle" data-testid="public-nav">
      <Link to="/public/power-lists" style={linkStyle} data-testid="public-nav-power-lists">
        {t('queue.public.navPowerLists')}
      </Link>
      <Link to="/public/centres" style={linkStyle} data-testid="public-nav-centres">
        {t('queue.public.navCentres')}
      </Link>
    </Space>
  );
}

function CentreNotFound() {
  const { t } = useTranslation();
  return <Result status="404" data-testid="not-found" title={t('queue.public.centreNotFound')} />;
}

/** /public/centres: the county last looked at in this browser, else the visitor picks one. */
export function PublicCentresIndex() {
  const { t } = useTranslation();
  const county = rememberedCounty();
  if (county) return <Navigate to={`/public/centres/${county}`} replace />;
  return <PublicCountyPicker title={t('queue.public.centresTitle')} to={(id) => `/public/centres/${id}`} />;
}

/** /public/centres/:countyId: the county hall and the township centres, each with its live queue and take page. */
export function PublicCentresPage() {
  const { t } = useTranslation();
  const { countyId = '' } = useParams();
  const centres = useQuery({
    queryKey: queueKeys.publicCentres(countyId),
    queryFn: ({ signal }) => publicQueueApi.centres(countyId, signal),
    enabled: !!countyId,
  });
  useEffect(() => {
    if (centres.isSuccess) rememberCounty(countyId);
  }, [centres.isSuccess, countyId]);

  if (centres.isPending) return <Skeleton active />;
  if (centres.isError) {
    if (isApiProblem(centres.error) && (centres.error.status === 404 || centres.error.status === 400)) return <CentreNotFound />;
    return <ProblemAlert error={centres.error} />;
  }
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('queue.public.centresTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('queue.public.centresIntro')}</Typography.Paragraph>
      {centres.data.length === 0 ? (
        <Empty description={t('queue.public.noCentres')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="public-centres">
          {centres.data.map((c) => (
            <Col xs={24} md={12} xl={8} key={c.id}>
              <PublicCentreCard centre={c} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

/**
 * /public/queue/:centreId/take: 取号 at the hall's kiosk or on a phone. 综合 (no item) always; for one item when the
 * link names it (`?itemId=…`, e.g. a QR code by that window). Shows the number and how many wait ahead.
 */
export function TakeTicketPage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const [params] = useSearchParams();
  const itemId = itemIdFromQuery(params.get('itemId'));
  const board = useQueueBoard(centreId);
  const formatWait = useWaitFormat();
  const take = useMutation({
    mutationFn: (forItem: string | undefined) => publicQueueApi.take(centreId, { itemId: forItem ?? null }),
  });

  if (board.isPending) return <Skeleton active />;
  if (board.isError && !board.data) {
    if (isApiProblem(board.error) && (board.error.status === 404 || board.error.status === 400)) return <CentreNotFound />;
    return <ProblemAlert error={board.error} />;
  }
  const b = board.data;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Flex justify="space-between" align="flex-end" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="take-centre">
            {b.centreName}
          </Typography.Title>
          <Typography.Text type="secondary">{t('queue.take.title')}</Typography.Text>
        </div>
        <Link to={`/public/queue/${centreId}`} data-testid="take-hall-link">
          <Button icon={<DesktopOutlined />}>{t('queue.public.liveQueue')}</Button>
        </Link>
      </Flex>
      <Card size="small">
        <Flex gap={48} wrap>
          <Statistic title={t('queue.hall.waitingCount')} value={b.waitingCount} data-testid="take-waiting-count" />
          <Statistic title={t('queue.hall.averageWait')} value={formatWait(b.averageWaitMinutes)} />
          <Statistic title={t('queue.hall.served')} value={b.servedToday} />
        </Flex>
      </Card>
      {take.data ? (
        <TicketCard ticket={take.data} onDone={() => take.reset()} />
      ) : (
        <Card>
          <Typography.Paragraph>{t('queue.take.intro')}</Typography.Paragraph>
          {take.error ? <ProblemAlert error={take.error} style={{ marginBottom: 16 }} /> : null}
          <Flex vertical gap={12}>
            {itemId ? (
              <Button
                type="primary"
                size="large"
                block
                className="queue-take-button"
                loading={take.isPending && take.variables === itemId}
                disabled={take.isPending}
                onClick={() => take.mutate(itemId)}
                data-testid="take-for-item"
              >
                {t('queue.take.forItem')}
              </Button>
            ) : null}
            <Button
              type={itemId ? 'default' : 'primary'}
              size="large"
              block
              className="queue-take-button"
              loading={take.isPending && take.variables === undefined}
              disabled={take.isPending}
              onClick={() => take.mutate(undefined)}
              data-testid="take-general"
            >
              {t('queue.take.general')}
            </Button>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function TicketCard({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="take-ticket" data-display={ticket.display}>
      <div className="queue-ticket">
        <Typography.Text type="secondary">{t('queue.take.yourNumber')}</Typography.Text>
        <div className="queue-ticket-number" data-testid="take-ticket-number">
          {ticket.display}
        </div>
        <div style={{ fontSize: 18 }}>{ticket.itemName ?? t('queue.general')}</div>
        <Typography.Title level={4} data-testid="take-ahead" data-count={ticket.waitingAhead}>
          {ticket.waitingAhead === 0 ? t('queue.take.nobodyAhead') : t('queue.take.ahead', { count: ticket.waitingAhead })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('queue.take.takenAt', { time: dayjs(ticket.takenAt).format('HH:mm') })}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('queue.take.hint')}
        </Typography.Paragraph>
        <Button size="large" onClick={onDone} data-testid="take-done">
          {t('queue.take.done')}
        </Button>
      </div>
    </Card>
  );
}
