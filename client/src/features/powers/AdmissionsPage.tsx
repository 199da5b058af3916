import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Admission, AdmissionQuery } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { useCurrentUser, usePermission, countyOf } from '../../lib/auth/useAuth';
import { powersApi, powersKeys } from './api';
import { AdmissionKindTag, AdmissionStateTag } from './AdmissionStateTag';
import { ADMISSION_KINDS, ADMISSION_STATES, isAdmissionKind, isAdmissionState } from './admissionModel';
import { SubmitAdmissionModal } from './SubmitAdmissionModal';
import './powers.css';

const FILTERS = ['state', 'kind'] as const;

/** 职责准入/收回: the requests this user can see, by state and kind; 提交申请 for county departments. */
export function AdmissionsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canSubmit = usePermission('admissions.submit');
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [submitting, setSubmitting] = useState(false);

  const query: Omit<AdmissionQuery, 'cursor'> = {
    state: isAdmissionState(filters.state) ? filters.state : undefined,
    kind: isAdmissionKind(filters.kind) ? filters.kind : undefined,
  };
  const list = useCursorList<Admission>(powersKeys.admissions(query), (cursor, signal) =>
    powersApi.admissions({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('nav.powerAdmissions')}
        subtitle={t('admissions.subtitle')}
        extra={
          canSubmit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)} data-testid="admission-create">
              {t('admissions.submit')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<string>
            data-testid="admissions-state-filter"
            value={query.state ?? 'all'}
            onChange={(v) => setFilters({ state: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: <span data-testid="state-filter-all">{t('admissions.allStates')}</span> },
              ...ADMISSION_STATES.map((s) => ({
                value: s,
                label: <span data-testid={`state-filter-${s}`}>{t(`admissions.states.${s}`)}</span>,
              })),
            ]}
          />
          <Select<string>
            allowClear
            placeholder={t('admissions.allKinds')}
            value={query.kind}
            onChange={(v) => setFilters({ kind: v })}
            options={ADMISSION_KINDS.map((k) => ({ value: k, label: t(`admissions.kinds.${k}`) }))}
            style={{ minWidth: 140 }}
            data-testid="admissions-kind-filter"
          />
        </Flex>
        <CursorTable<Admission>
          list={list}
          data-testid="admissions-table"
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          onRow={(a) =>
            ({ 'data-testid': 'admission-row', 'data-state': a.state, 'data-code': a.itemCode }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('admissions.item'),
              key: 'item',
              render: (_: unknown, a) => (
                <Link to={`/power-lists/admissions/${a.id}`} data-testid="admission-link">
                  {a.itemCode} {a.itemName}
                </Link>
              ),
            },
            {
              title: t('admissions.kind'),
              dataIndex: 'kind',
              key: 'kind',
              width: 110,
              render: (_: unknown, a) => <AdmissionKindTag kind={a.kind} />,
            },
            { title: t('admissions.department'), dataIndex: 'departmentName', key: 'department', width: 170 },
            {
              title: t('admissions.townships'),
              key: 'townships',
              width: 200,
              render: (_: unknown, a) => a.townships.map((tw) => tw.name).join('、'),
            },
            { title: t('admissions.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'effectiveFrom', width: 110 },
            {
              title: t('admissions.state'),
              dataIndex: 'state',
              key: 'state',
              width: 130,
              render: (_: unknown, a) => <AdmissionStateTag state={a.state} testId="admission-row-state" />,
            },
            {
              title: t('admissions.createdAt'),
              dataIndex: 'createdAt',
              key: 'createdAt',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </Card>
      {canSubmit ? (
        <SubmitAdmissionModal
          open={submitting}
          countyId={countyOf(me)}
          onClose={() => setSubmitting(false)}
          onCreated={(a) => {
            setSubmitting(false);
            void message.success(t('admissions.submitted'));
            void queryClient.invalidateQueries({ queryKey: powersKeys.admissionsAll });
            void navigate(`/power-lists/admissions/${a.id}`);
          }}
        />
      ) : null}
    </>
  );
}
