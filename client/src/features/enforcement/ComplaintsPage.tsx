import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Complaint } from '../../lib/api/types';
import { useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { useCurrentUser, usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { enforcementApi, enforcementKeys } from './api';
import { CasePicker, OfficerPicker, TeamFilter } from './SupervisionPickers';
import { ComplaintStateTag, FindingTag } from './SupervisionTags';
import { RecordComplaintModal } from './RecordComplaintModal';
import {
  complaintFilterFromQuery,
  isComplaintChannel,
  isComplaintFinding,
  COMPLAINT_FILTER_KEYS,
  COMPLAINT_STATES,
} from './supervisionModel';

/** What a complaint is about: the case (by its decision number, or a link) and/or the officer. */
export function ComplaintTarget({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {c.caseId ? (
        <span>
          {t('enforcement.complaints.caseLink')}：
          <Link to={`/enforcement/cases/${c.caseId}`} data-testid="complaint-case-link">
            {c.decisionNo ?? t('enforcement.complaints.caseNoDecision')}
          </Link>
        </span>
      ) : null}
      {c.officerId ? (
        <Link to={`/enforcement/officers/${c.officerId}`} data-testid="complaint-officer-link">
          {c.officerName}
        </Link>
      ) : null}
    </Flex>
  );
}

/**
 * 投诉举报: the complaints about enforcement in scope, newest first, by state, team (the county's users: a township's
 * users see their one team), case or officer (kept in the address so a case's or an officer's complaints can be linked
 * to); 登记投诉 for the supervisors (enforcement.supervise).
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayRecord = usePermission('enforcement.supervise');
  const county = useCurrentUser().regionLevel === 'county';
  const [recording, setRecording] = useState(false);
  const [values, setFilters] = useSearchFilters(COMPLAINT_FILTER_KEYS);
  const filter = complaintFilterFromQuery(values);
  const list = useCursorList<Complaint>(enforcementKeys.complaints(filter), (cursor, signal) =>
    enforcementApi.complaints({ ...filter, cursor, limit: 50 }, signal),
  );
  const none = t('common.none');
  const f = (
    k: 'state' | 'team' | 'receivedOn' | 'channel' | 'target' | 'complainant' | 'content' | 'finding' | 'handledOn',
  ) => t(`enforcement.complaints.fields.${k}`);

  return (
    <>
      <PageHeader
        title={t('enforcement.nav.complaints')}
        subtitle={t('enforcement.complaints.subtitle')}
        extra={
          mayRecord ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="complaint-record"
            >
              {t('enforcement.complaints.record')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="complaints-filters">
          <Select
            allowClear
            placeholder={t('enforcement.complaints.allStates')}
            style={{ minWidth: 140 }}
            value={filter.state}
            onChange={(v) => setFilters({ state: v })}
            options={COMPLAINT_STATES.map((s) => ({ value: s, label: t(`enforcement.complaints.states.${s}`) }))}
            data-testid="complaints-state"
          />
          {county ? (
            <TeamFilter value={filter.teamId} onChange={(v) => setFilters({ teamId: v })} testId="complaints-team" />
          ) : null}
          <CasePicker
            value={filter.caseId}
            onChange={(v) => setFilters({ caseId: v })}
            style={{ minWidth: 260 }}
            data-testid="complaints-case"
          />
          <OfficerPicker
            value={filter.officerId}
            onChange={(v) => setFilters({ officerId: v })}
            placeholder={t('enforcement.complaints.officerFilter')}
            style={{ minWidth: 220 }}
            data-testid="complaints-officer"
          />
        </Flex>
        <CursorTable<Complaint>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1280 }}
          data-testid="complaints-table"
          onRow={(c) =>
            ({
              'data-testid': 'complaint-row',
              'data-id': c.id,
              'data-state': c.state,
              style: { cursor: 'pointer' },
              onClick: (e: React.MouseEvent) => {
                if ((e.target as HTMLElement).closest('a')) return;
                void navigate(`/enforcement/complaints/${c.id}`);
              },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: f('state'),
              key: 'state',
              width: 110,
              render: (_: unknown, c) => <ComplaintStateTag state={c.state} testId="complaint-row-state" />,
            },
            { title: f('receivedOn'), dataIndex: 'receivedOn', width: 110 },
            {
              title: f('team'),
              key: 'team',
              width: 180,
              render: (_: unknown, c) => <span data-testid="complaint-row-team">{c.teamName}</span>,
            },
            {
              title: f('channel'),
              key: 'channel',
              width: 110,
              render: (_: unknown, c) =>
                isComplaintChannel(c.channel) ? t(`enforcement.complaints.channels.${c.channel}`) : c.channel,
            },
            { title: f('target'), key: 'target', width: 240, render: (_: unknown, c) => <ComplaintTarget c={c} /> },
            {
              title: f('complainant'),
              key: 'complainant',
              width: 150,
              render: (_: unknown, c) => (
                <Flex vertical>
                  <Link to={`/enforcement/complaints/${c.id}`} data-testid="complaint-row-link">
                    {c.complainant}
                  </Link>
                  {c.complainantPhone ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="complaint-row-phone">
                      {c.complainantPhone}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: f('content'),
              key: 'content',
              render: (_: unknown, c) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {c.content}
                </Typography.Paragraph>
              ),
            },
            {
              title: f('finding'),
              key: 'finding',
              width: 130,
              render: (_: unknown, c) =>
                isComplaintFinding(c.finding) ? (
                  <Flex vertical gap={2}>
                    <FindingTag finding={c.finding} testId="complaint-row-finding" />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.handledOn}
                    </Typography.Text>
                  </Flex>
                ) : (
                  none
                ),
            },
          ]}
        />
      </Card>
      <RecordComplaintModal
        open={recording}
        onClose={() => setRecording(false)}
        onDone={(created) => {
          setRecording(false);
          void message.success(t('enforcement.complaints.recorded'));
          void queryClient.invalidateQueries({ queryKey: enforcementKeys.complaintLists });
          void navigate(`/enforcement/complaints/${created.data.id}`);
        }}
      />
    </>
  );
}
