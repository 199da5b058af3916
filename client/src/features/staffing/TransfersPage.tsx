import { useState } from 'react';
import { App as AntApp, Button, Card, Flex } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { StaffingTransfer } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { countyOf, useCurrentUser, usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { staffingApi, staffingKeys } from './api';
import { CreateTransferModal } from './CreateTransferModal';

/** 编制划转: the transfer documents (newest first); 录入划转 for the 编办. */
export function TransfersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = usePermission('staffing.manage');
  const [filters, setFilters] = useSearchFilters(['q'] as const);
  const [creating, setCreating] = useState(false);
  const query = { q: filters.q };
  const list = useCursorList<StaffingTransfer>(staffingKeys.transfers(query), (cursor, signal) =>
    staffingApi.transfers({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('staffing.nav.transfers')}
        subtitle={t('staffing.transfers.subtitle')}
        extra={
          <>
            <Link to="/staffing/transfers/summary">
              <Button icon={<BarChartOutlined />} data-testid="transfer-summary-link">
                {t('staffing.nav.summary')}
              </Button>
            </Link>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="transfer-create">
                {t('staffing.transfers.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox
            value={filters.q}
            onSearch={(q) => setFilters({ q })}
            placeholder={t('staffing.transfers.searchPlaceholder')}
            testId="transfer-search"
          />
        </Flex>
        <CursorTable<StaffingTransfer>
          list={list}
          rowKey="id"
          size="middle"
          data-testid="transfer-table"
          columns={[
            {
              title: t('staffing.fields.documentNo'),
              dataIndex: 'documentNo',
              render: (v: string, r) => (
                <Link to={`/staffing/transfers/${r.id}`} data-testid="transfer-link">
                  {v}
                </Link>
              ),
            },
            { title: t('staffing.fields.documentDate'), dataIndex: 'documentDate', width: 120 },
            { title: t('staffing.transfers.approvedBy'), dataIndex: 'approvedBy' },
            { title: t('staffing.transfers.higherApproval'), dataIndex: 'higherApproval', render: (v: string | null) => v ?? '—' },
            { title: t('staffing.fields.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
            { title: t('staffing.transfers.lineCount'), key: 'lines', align: 'right', render: (_: unknown, r) => r.lines.length },
            { title: t('staffing.fields.posts'), dataIndex: 'posts', align: 'right' },
          ]}
        />
      </Card>
      <CreateTransferModal
        open={creating}
        countyId={countyOf(me)}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          setCreating(false);
          void message.success(t('staffing.transfers.created', { documentNo: x.documentNo }));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
          void navigate(`/staffing/transfers/${x.id}`);
        }}
      />
    </>
  );
}
