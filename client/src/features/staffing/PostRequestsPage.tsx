import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, InputNumber, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PostRequest, PostRequestQuery } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { usePermission } from '../../lib/auth/useAuth';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { staffingApi, staffingKeys } from './api';
import { isRequestState, REQUEST_STATES } from './model';
import { RequestStateTag, useKindLabel } from './Tags';
import { SubmitRequestModal } from './SubmitRequestModal';

const FILTERS = ['state', 'year', 'unitId'] as const;

/** 编制使用申请: requests in scope by state and year; 提交申请 for departments and townships. */
export function PostRequestsPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canRequest = usePermission('staffing.request');
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [submitting, setSubmitting] = useState(false);
  const year = Number(filters.year) || undefined;
  const query: Omit<PostRequestQuery, 'cursor'> = {
    state: isRequestState(filters.state) ? filters.state : undefined,
    year,
    unitId: filters.unitId,
  };
  const list = useCursorList<PostRequest>(staffingKeys.requests(query), (cursor, signal) =>
    staffingApi.requests({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('staffing.nav.requests')}
        subtitle={t('staffing.requests.subtitle')}
        extra={
          canRequest ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)} data-testid="request-create">
              {t('staffing.requests.submit')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('staffing.requests.state')}
            style={{ minWidth: 140 }}
            value={isRequestState(filters.state) ? filters.state : undefined}
            onChange={(v) => setFilters({ state: v })}
            options={REQUEST_STATES.map((s) => ({ value: s, label: t(`staffing.requestState.${s}`) }))}
            data-testid="request-state-filter"
          />
          <InputNumber
            placeholder={t('staffing.fields.year')}
            min={2000}
            max={2100}
            precision={0}
            value={year ?? null}
            onChange={(v) => setFilters({ year: v ? String(v) : undefined })}
            data-testid="request-year-filter"
          />
        </Flex>
        <CursorTable<PostRequest>
          list={list}
          rowKey="id"
          size="middle"
          data-testid="request-table"
          columns={[
            {
              title: t('staffing.fields.unit'),
              dataIndex: 'unitName',
              render: (v: string, r) => (
                <Link to={`/staffing/requests/${r.id}`} data-testid="request-link">
                  {v}
                </Link>
              ),
            },
            { title: t('staffing.fields.year'), dataIndex: 'year', width: 80 },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, r) => kindLabel(r) },
            { title: t('staffing.fields.posts'), dataIndex: 'posts', align: 'right' },
            { title: t('staffing.requests.used'), dataIndex: 'used', align: 'right' },
            { title: t('staffing.fields.entryKind'), dataIndex: 'entryKindName' },
            { title: t('staffing.requests.state'), dataIndex: 'state', render: (_: unknown, r) => <RequestStateTag state={r.state} name={r.stateName} /> },
            { title: t('staffing.requests.createdAt'), dataIndex: 'createdAt', render: (v: string, r) => `${formatDateTime(v)} ${r.createdBy}` },
          ]}
        />
      </Card>
      <SubmitRequestModal
        open={submitting}
        onClose={() => setSubmitting(false)}
        onSubmitted={(r) => {
          setSubmitting(false);
          void message.success(t('staffing.requests.submitted'));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
          void navigate(`/staffing/requests/${r.id}`);
        }}
      />
    </>
  );
}
