import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { DesktopOutlined, SoundOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CentreWindow, Ticket, TicketAction } from '../../lib/api/types';
import { isApiProblem, isStaleRecord } from '../../lib/api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemMessage } from '../../components/ProblemAlert';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { useChooseMyWindow, useMyWindow } from '../../lib/myWindow';
import { RequireRole } from '../../components/RequireRole';
import { WINDOW_CLERK } from '../../lib/roles';
import { queueApi } from './api';
import { useCallerCentres, useCentre, useTicketChanged, useTodayTickets } from './hooks';
import {
  currentTicket,
  ownCentres,
  pickCentre,
  pickWindow,
  ticketActions,
  ticketCounts,
  waitedMinutes,
  waitingFor,
} from './model';
import { TicketStateTag, useWaitFormat } from './QueueTags';
import './queue.css';

const clock = (iso: string | null | undefined) => (iso ? dayjs(iso).format('HH:mm') : '—');

/** The 办件编号 of the applications registered for a ticket. */
const applicationNumbers = (ticket: Ticket, none: string) => ticket.applicationNumbers.join('、') || none;

/**
 * 窗口叫号: the clerk picks their centre and window (remembered on the server for this user, so any PC opens at it), calls the next visitor with one big
 * button, serves and completes (or passes over) the current ticket, and sees today's tickets. Registering the
 * visitor's application happens on the workbench.
 */
export function CallerPage() {
  return (
    <RequireRole role={WINDOW_CLERK}>
      <Caller />
    </RequireRole>
  );
}

function Caller() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const centres = useCallerCentres();
  const own = ownCentres(centres.data ?? [], me);
  const mine = useMyWindow();
  const chooseWindow = useChooseMyWindow();
  const [centreChoice, setCentreChoice] = useState<string | undefined>();
  const centreId = pickCentre(centreChoice ?? mine.data?.centreId ?? undefined, own);
  const centre = useCentre(centreId);
  const windows = centre.data?.windows ?? [];
  const remembered = mine.data?.centreId === centreId ? mine.data?.windowId : undefined;
  const windowId = pickWindow(remembered ?? undefined, windows);
  const selectedWindow = windows.find((w) => w.id === windowId);
  const tickets = useTodayTickets(centreId);

  const header = (
    <PageHeader
      title={t('queue.nav.caller')}
      subtitle={centre.data ? centre.data.centre.name : me.regionName}
      extra={
        <>
          {centreId ? (
            <Link to={`/public/queue/${centreId}`} target="_blank" data-testid="caller-hall-link">
              <Button icon={<DesktopOutlined />}>{t('queue.centres.hallDisplay')}</Button>
            </Link>
          ) : null}
          <Link to="/services/workbench" data-testid="caller-workbench-link">
            <Button>{t('applications.nav.workbench')}</Button>
          </Link>
        </>
      }
    />
  );

  if (centres.isPending || mine.isPending) return <Skeleton active />;
  if (centres.isError) return <ProblemAlert error={centres.error} />;
  if (own.length === 0) {
    return (
      <>
        {header}
        <Card>
          <Result
            status="info"
            title={t('queue.caller.noCentre')}
            subTitle={t('queue.caller.noCentreHint')}
            data-testid="caller-no-centre"
          />
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>{t('queue.caller.centre')}</Typography.Text>
            <Select<string>
              value={centreId}
              onChange={setCentreChoice}
              options={own.map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 220 }}
              data-testid="caller-centre"
            />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>{t('queue.caller.window')}</Typography.Text>
            <Select<string>
              value={windowId}
              onChange={(v) => chooseWindow.mutate(v)}
              placeholder={t('queue.caller.pickWindow')}
              loading={centre.isPending || chooseWindow.isPending}
              options={windows.map((w) => ({
                value: w.id,
                label: `${t('queue.windows.numbered', { number: w.number })} · ${w.name}`,
              }))}
              style={{ minWidth: 220 }}
              data-testid="caller-window"
            />
          </Flex>
        </Flex>
      </Card>
      {centre.isError ? <ProblemAlert error={centre.error} style={{ marginBottom: 16 }} /> : null}
      {mine.isError || chooseWindow.isError ? (
        <ProblemAlert
          error={mine.error ?? chooseWindow.error}
          style={{ marginBottom: 16 }}
          testId="caller-window-problem"
        />
      ) : null}
      {centre.data && windows.length === 0 ? (
        <Card>
          <Empty description={t('queue.caller.noWindows')} data-testid="caller-no-windows" />
        </Card>
      ) : (
        <>
          {centreId && selectedWindow ? (
            <CallPanel centreId={centreId} window={selectedWindow} tickets={tickets.data ?? []} />
          ) : (
            <Card style={{ marginBottom: 16 }}>
              <Empty description={t('queue.caller.pickWindowFirst')} data-testid="caller-pick-window" />
            </Card>
          )}
          <TodayTickets tickets={tickets.data ?? []} loading={tickets.isPending && !!centreId} error={tickets.error} />
        </>
      )}
    </>
  );
}

/** The big 叫下一位 button and the ticket this window is handling. */
function CallPanel({ centreId, window, tickets }: { centreId: string; window: CentreWindow; tickets: Ticket[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const changed = useTicketChanged(centreId);
  const formatWait = useWaitFormat();
  const current = currentTicket(tickets, window.number);
  const waiting = waitingFor(tickets, window);

  const call = useMutation({
    mutationFn: () => queueApi.callNext(centreId, window.id),
    onSuccess: (ticket) => {
      changed(ticket);
      void message.success(t('queue.caller.called', { display: ticket.display, number: window.number }));
    },
    onError: (e) => {
      if (isApiProblem(e) && e.code === 'queue.empty') void message.info(t('queue.caller.empty'));
      else void message.error(problemMessage(e, t('common.requestFailed')));
    },
  });

  const act = useMutation({
    mutationFn: ({ ticket, action }: { ticket: Ticket; action: TicketAction }) => queueApi.act(ticket, action),
    onSuccess: (ticket) => changed(ticket),
    onError: (e, { ticket }) => {
      // 412: the ticket changed since this list was loaded (another window, another tab)
      if (isStaleRecord(e)) void message.warning(t('queue.caller.ticketChanged', { display: ticket.display }));
      else void message.error(problemMessage(e, t('common.requestFailed')));
      // either way, show where the ticket is now
      changed();
    },
  });

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={9}>
        <Card className="queue-call-card" data-testid="caller-panel">
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="caller-window-label">
            {t('queue.windows.numbered', { number: window.number })} · {window.name}
          </Typography.Title>
          <Button
            type="primary"
            size="large"
            block
            icon={<SoundOutlined />}
            className="queue-call-button"
            loading={call.isPending}
            disabled={!!current}
            onClick={() => call.mutate()}
            data-testid="caller-call-next"
          >
            {t('queue.caller.callNext')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {current ? (
              t('queue.caller.finishFirst')
            ) : (
              <span data-testid="caller-waiting" data-count={waiting}>
                {t('queue.caller.waitingForWindow', { count: waiting })}
              </span>
            )}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {current ? (
          <Card
            title={t('queue.caller.current')}
            data-testid="caller-current"
            data-display={current.display}
            data-state={current.state}
            extra={<TicketStateTag state={current.state} testId="caller-current-state" />}
          >
            <Flex gap={24} wrap align="center">
              <div className="queue-current-number" data-testid="caller-current-number">
                {current.display}
              </div>
              <Descriptions column={1} size="small" style={{ flex: 1, minWidth: 240 }}>
                <Descriptions.Item label={t('queue.fields.item')}>
                  {current.itemName ?? t('queue.general')}
                </Descriptions.Item>
                <Descriptions.Item label={t('queue.fields.takenAt')}>{clock(current.takenAt)}</Descriptions.Item>
                <Descriptions.Item label={t('queue.fields.calledAt')}>{clock(current.calledAt)}</Descriptions.Item>
                <Descriptions.Item label={t('queue.fields.waited')}>
                  {formatWait(waitedMinutes(current, new Date()))}
                </Descriptions.Item>
                <Descriptions.Item label={t('queue.fields.applications')}>
                  <span data-testid="caller-current-applications">{applicationNumbers(current, t('common.none'))}</span>
                </Descriptions.Item>
              </Descriptions>
            </Flex>
            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              {ticketActions(current).map((action) => (
                <Button
                  key={action}
                  size="large"
                  type={action === 'no-show' ? 'default' : 'primary'}
                  danger={action === 'no-show'}
                  loading={act.isPending && act.variables?.action === action}
                  disabled={act.isPending}
                  onClick={() => act.mutate({ ticket: current, action })}
                  data-testid={`ticket-action-${action}`}
                >
                  {t(`queue.ticketActions.${action}`)}
                </Button>
              ))}
              <Link to="/services/workbench" data-testid="caller-register-link">
                <Button size="large" type={current.state === 'serving' ? 'default' : 'dashed'}>
                  {t('queue.caller.register')}
                </Button>
              </Link>
            </Flex>
          </Card>
        ) : (
          <Card title={t('queue.caller.current')} data-testid="caller-current-empty">
            <Empty description={t('queue.caller.noCurrent')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

/** Today's tickets of the centre with the figures above them. */
function TodayTickets({ tickets, loading, error }: { tickets: Ticket[]; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  const formatWait = useWaitFormat();
  const counts = ticketCounts(tickets);
  const now = new Date();
  return (
    <Card title={t('queue.caller.today')} data-testid="caller-tickets">
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic
          title={t('queue.counts.waiting')}
          value={counts.waiting}
          data-testid="count-waiting"
          data-value={counts.waiting}
        />
        <Statistic
          title={t('queue.counts.atWindows')}
          value={counts.atWindows}
          data-testid="count-at-windows"
          data-value={counts.atWindows}
        />
        <Statistic
          title={t('queue.counts.done')}
          value={counts.done}
          data-testid="count-done"
          data-value={counts.done}
        />
        <Statistic
          title={t('queue.counts.noShow')}
          value={counts.noShow}
          data-testid="count-no-show"
          data-value={counts.noShow}
        />
        <Statistic
          title={t('queue.counts.total')}
          value={counts.total}
          data-testid="count-total"
          data-value={counts.total}
        />
      </Flex>
      {error ? <ProblemAlert error={error} style={{ marginBottom: 16 }} /> : null}
      <Table<Ticket>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={tickets}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('queue.caller.noTickets') }}
        scroll={{ x: 'max-content' }}
        onRow={(x) =>
          ({
            'data-testid': 'ticket-row',
            'data-display': x.display,
            'data-state': x.state,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'display',
            title: t('queue.fields.number'),
            render: (_, x) => <Typography.Text strong>{x.display}</Typography.Text>,
          },
          { key: 'item', title: t('queue.fields.item'), render: (_, x) => x.itemName ?? t('queue.general') },
          { key: 'state', title: t('queue.fields.state'), render: (_, x) => <TicketStateTag state={x.state} /> },
          {
            key: 'window',
            title: t('queue.fields.window'),
            render: (_, x) =>
              x.windowNumber !== null ? t('queue.windows.numbered', { number: x.windowNumber }) : t('common.none'),
          },
          { key: 'takenAt', title: t('queue.fields.takenAt'), render: (_, x) => clock(x.takenAt) },
          { key: 'calledAt', title: t('queue.fields.calledAt'), render: (_, x) => clock(x.calledAt) },
          { key: 'waited', title: t('queue.fields.waited'), render: (_, x) => formatWait(waitedMinutes(x, now)) },
          { key: 'applications', title: t('queue.fields.applications'), render: (_, x) => applicationNumbers(x, '') },
        ]}
      />
    </Card>
  );
}
