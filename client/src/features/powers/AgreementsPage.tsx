import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Agreement, AgreementQuery, AgreementStatus } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { useCurrentUser, usePermission, countyOf } from '../../lib/auth/useAuth';
import { powersApi, powersKeys } from './api';
import { AgreementStatusTag, ExpiryLabel } from './AgreementStatusTag';
import { CreateAgreementModal } from './CreateAgreementModal';
import { useTownshipsOf } from './hooks';
import { AGREEMENT_FILTERS, agreementStatusDisplay, isAgreementFilter } from './model';
import './powers.css';

const FILTERS = ['status', 'townshipId'] as const;

const FILTER_COLORS: Partial<Record<AgreementStatus, string>> = { expiring: '#d46b08', expired: '#8c8c8c', revoked: '#cf1322' };

/** 委托协议: entrustment agreements, by state (即将到期 highlighted), with days to expiry; 新建协议 by permission. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = usePermission('agreements.manage');
  const countyId = countyOf(me);
  const townships = useTownshipsOf(countyId);
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [creating, setCreating] = useState(false);

  const query: Omit<AgreementQuery, 'cursor'> = {
    status: isAgreementFilter(filters.status) ? filters.status : undefined,
    townshipId: filters.townshipId,
  };
  const list = useCursorList<Agreement>(powersKeys.agreements(query), (cursor, signal) =>
    powersApi.agreements({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('nav.powerAgreements')}
        subtitle={t('powers.agreement.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="agreement-create">
              {t('powers.agreement.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<string>
            data-testid="agreements-status-filter"
            value={query.status ?? 'all'}
            onChange={(v) => setFilters({ status: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: <span data-testid="status-filter-all">{t('powers.agreement.all')}</span> },
              ...AGREEMENT_FILTERS.map((s) => ({
                value: s,
                label: (
                  <span data-testid={`status-filter-${s}`} style={{ color: FILTER_COLORS[s] }}>
                    {t(`powers.agreementStates.${s}`)}
                  </span>
                ),
              })),
            ]}
          />
          {townships.data && townships.data.length > 0 ? (
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('powers.agreement.allTownships')}
              value={filters.townshipId}
              onChange={(v) => setFilters({ townshipId: v })}
              options={townships.data.map((r) => ({ value: r.id, label: r.name }))}
              style={{ minWidth: 160 }}
              data-testid="agreements-township-filter"
            />
          ) : null}
        </Flex>
        <CursorTable<Agreement>
          list={list}
          data-testid="agreements-table"
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          rowClassName={(a) => agreementStatusDisplay(a.status).rowClass ?? ''}
          onRow={(a) => ({ 'data-testid': 'agreement-row', 'data-status': a.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('powers.agreement.documentNo'),
              dataIndex: 'documentNo',
              key: 'documentNo',
              render: (v: string, a) => (
                <Link to={`/power-lists/agreements/${a.id}`} data-testid="agreement-doc">
                  {v}
                </Link>
              ),
            },
            { title: t('powers.agreement.department'), dataIndex: 'departmentName', key: 'department', width: 170 },
            { title: t('powers.agreement.township'), dataIndex: 'townshipName', key: 'township', width: 140 },
            { title: t('powers.agreement.signedOn'), dataIndex: 'signedOn', key: 'signedOn', width: 110 },
            {
              title: t('powers.agreement.term'),
              key: 'term',
              width: 200,
              render: (_: unknown, a) => `${a.startsOn} ~ ${a.endsOn}`,
            },
            {
              title: t('powers.agreement.status'),
              dataIndex: 'status',
              key: 'status',
              width: 100,
              render: (s: AgreementStatus) => <AgreementStatusTag status={s} />,
            },
            {
              title: t('powers.agreement.daysToExpiry'),
              key: 'days',
              width: 110,
              render: (_: unknown, a) => <ExpiryLabel agreement={a} />,
            },
            {
              title: t('powers.agreement.itemCount'),
              key: 'items',
              width: 80,
              render: (_: unknown, a) => a.items.length,
            },
          ]}
        />
      </Card>
      {canManage ? (
        <CreateAgreementModal
          open={creating}
          countyId={countyId}
          onClose={() => setCreating(false)}
          onCreated={(a) => {
            setCreating(false);
            void message.success(t('powers.agreement.created', { documentNo: a.documentNo }));
            void queryClient.invalidateQueries({ queryKey: powersKeys.agreementsAll });
            void navigate(`/power-lists/agreements/${a.id}`);
          }}
        />
      ) : null}
    </>
  );
}
