import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Tag, Typography } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { FaultRecord } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { useCurrentUser, usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { enforcementApi, enforcementKeys } from './api';
import type { FaultDraft } from './ComplaintDetailPage';
import { useCase } from './hooks';
import { caseLabel, OfficerPicker, TeamFilter } from './SupervisionPickers';
import { LiabilityTag } from './SupervisionTags';
import { RecordFaultModal } from './RecordFaultModal';
import { faultFilterFromQuery, isFaultLiability, FAULT_FILTER_KEYS } from './supervisionModel';

/** A removable tag naming the case or complaint the list is filtered by (from the address, e.g. a complaint's link). */
function LinkedFilterTag({ label, onClose, testId }: { label: string; onClose: () => void; testId: string }) {
  return (
    <Tag closable onClose={onClose} color="blue" style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {label}
    </Tag>
  );
}

function CaseFilterTag({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const found = useCase(caseId);
  const label = found.data ? caseLabel(found.data.data) : caseId;
  return (
    <LinkedFilterTag label={t('enforcement.faults.caseFilter', { label })} onClose={onClose} testId="faults-case-tag" />
  );
}

function ComplaintFilterTag({ complaintId, onClose }: { complaintId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: enforcementKeys.complaint(complaintId),
    queryFn: ({ signal }) => enforcementApi.complaint(complaintId, signal),
    select: (tagged) => tagged.data,
  });
  const label = found.data ? `${found.data.receivedOn} ${found.data.complainant}` : complaintId;
  return (
    <LinkedFilterTag
      label={t('enforcement.faults.complaintFilter', { label })}
      onClose={onClose}
      testId="faults-complaint-tag"
    />
  );
}

/**
 * 过错责任追究: the records in scope, newest first, by team (the county's users), officer, case or complaint (the last
 * two from the address: a complaint links to its records), all by default; 记录 for the supervisors. A record is never
 * changed (the API has no edit), so the list has no actions. Opened from a substantiated complaint, the form starts
 * with its officer, case and complaint.
 */
export function FaultRecordsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayRecord = usePermission('enforcement.supervise');
  const county = useCurrentUser().regionLevel === 'county';
  const draft = (location.state as { faultDraft?: FaultDraft } | null)?.faultDraft;
  const [recording, setRecording] = useState(mayRecord && !!draft);
  const [values, setFilters] = useSearchFilters(FAULT_FILTER_KEYS);
  const filter = faultFilterFromQuery(values);
  const list = useCursorList<FaultRecord>(enforcementKeys.faults(filter), (cursor, signal) =>
    enforcementApi.faultRecords({ ...filter, cursor, limit: 50 }, signal),
  );
  // the draft from a complaint is used once (not again after a reload or the next 记录)
  const forgetDraft = () => {
    if (draft) void navigate(location.pathname + location.search, { replace: true, state: null });
  };
  const none = t('common.none');
  const f = (k: 'foundOn' | 'officer' | 'fault' | 'liability' | 'documentNo' | 'case' | 'complaint' | 'recorded') =>
    t(`enforcement.faults.fields.${k}`);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {t('enforcement.nav.faults')}
            <Tag icon={<LockOutlined />}>{t('enforcement.faults.appendOnly')}</Tag>
          </Flex>
        }
        subtitle={t('enforcement.faults.subtitle')}
        extra={
          mayRecord ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="fault-record"
            >
              {t('enforcement.faults.record')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="faults-filters">
          {county ? (
            <TeamFilter value={filter.teamId} onChange={(v) => setFilters({ teamId: v })} testId="faults-team" />
          ) : null}
          <OfficerPicker
            value={filter.officerId}
            onChange={(v) => setFilters({ officerId: v })}
            placeholder={t('enforcement.faults.allOfficers')}
            style={{ minWidth: 240 }}
            data-testid="faults-officer"
          />
          {filter.caseId ? (
            <CaseFilterTag caseId={filter.caseId} onClose={() => setFilters({ caseId: undefined })} />
          ) : null}
          {filter.complaintId ? (
            <ComplaintFilterTag
              complaintId={filter.complaintId}
              onClose={() => setFilters({ complaintId: undefined })}
            />
          ) : null}
        </Flex>
        <CursorTable<FaultRecord>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          data-testid="faults-table"
          onRow={(r) => ({ 'data-testid': 'fault-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: f('foundOn'), dataIndex: 'foundOn', width: 110 },
            {
              title: f('officer'),
              key: 'officer',
              width: 130,
              render: (_: unknown, r) => (
                <Link to={`/enforcement/officers/${r.officerId}`} data-testid="fault-officer-link">
                  {r.officerName}
                </Link>
              ),
            },
            {
              title: f('fault'),
              key: 'fault',
              render: (_: unknown, r) => (
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                  {r.fault}
                </Typography.Paragraph>
              ),
            },
            {
              title: f('liability'),
              key: 'liability',
              width: 150,
              render: (_: unknown, r) =>
                isFaultLiability(r.liability) ? <LiabilityTag liability={r.liability} /> : r.liabilityName,
            },
            {
              title: f('documentNo'),
              key: 'documentNo',
              width: 200,
              render: (_: unknown, r) => <span data-testid="fault-document">{r.documentNo}</span>,
            },
            {
              title: `${f('case')} / ${f('complaint')}`,
              key: 'links',
              width: 120,
              render: (_: unknown, r) =>
                r.caseId || r.complaintId ? (
                  <Flex vertical gap={2}>
                    {r.caseId ? (
                      <Link to={`/enforcement/cases/${r.caseId}`} data-testid="fault-case-link">
                        {t('enforcement.faults.viewCase')}
                      </Link>
                    ) : null}
                    {r.complaintId ? (
                      <Link to={`/enforcement/complaints/${r.complaintId}`} data-testid="fault-complaint-link">
                        {t('enforcement.faults.viewComplaint')}
                      </Link>
                    ) : null}
                  </Flex>
                ) : (
                  none
                ),
            },
            {
              title: f('recorded'),
              key: 'recorded',
              width: 170,
              render: (_: unknown, r) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('enforcement.faults.recordedBy', { by: r.recordedBy, at: formatDateTime(r.recordedAt) })}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <RecordFaultModal
        open={recording}
        initial={draft ? { officerId: draft.officerId, caseId: draft.caseId, complaintId: draft.complaintId } : undefined}
        onClose={() => {
          setRecording(false);
          forgetDraft();
        }}
        onDone={() => {
          setRecording(false);
          forgetDraft();
          void message.success(t('enforcement.faults.recorded'));
          void queryClient.invalidateQueries({ queryKey: enforcementKeys.faultLists });
        }}
      />
    </>
  );
}
