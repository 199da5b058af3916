import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Segmented, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationGrant, EvaluationModule, GrantQuery, GrantStatus } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { grantKeys, grantsApi } from './api';
import { GrantDrawer } from './GrantDrawer';
import { GrantFormModal } from './GrantFormModal';
import { GrantStatusTag, ModuleTags } from './GrantTags';
import { GRANT_STATUSES, isGrantStatus } from './model';

const FILTERS = ['status', 'q', 'grant'] as const;

/** 评估任务 (grants.manage): the county's grants by state and text, a new grant, and a grant's drawer (?grant=id). */
export function GrantsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [creating, setCreating] = useState(false);

  const query: Omit<GrantQuery, 'cursor'> = {
    status: isGrantStatus(filters.status) ? filters.status : undefined,
    q: filters.q,
  };
  const list = useCursorList<EvaluationGrant>(grantKeys.list(query), (cursor, signal) =>
    grantsApi.list({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('nav.grants')}
        subtitle={t('grant.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="grant-create">
            {t('grant.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<string>
            data-testid="grants-status-filter"
            value={query.status ?? 'all'}
            onChange={(v) => setFilters({ status: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('grant.all') },
              ...GRANT_STATUSES.map((s) => ({ value: s, label: t(`grant.statuses.${s}`) })),
            ]}
          />
          <SearchBox
            value={filters.q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('grant.searchPlaceholder')}
            testId="grants-search"
          />
        </Flex>
        <CursorTable<EvaluationGrant>
          list={list}
          data-testid="grants-table"
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          columns={[
            {
              title: t('grant.organisation'),
              dataIndex: 'organisation',
              key: 'organisation',
              width: 220,
              render: (v: string, g) => (
                <Typography.Link onClick={() => setFilters({ grant: g.id })} data-testid="grant-open">
                  {v}
                </Typography.Link>
              ),
            },
            { title: t('grant.purpose'), dataIndex: 'purpose', key: 'purpose', ellipsis: true },
            {
              title: t('grant.region'),
              key: 'region',
              render: (_: unknown, g) =>
                g.townships.length > 0
                  ? `${g.regionName} · ${g.townships.map((r) => r.name).join('、')}`
                  : g.regionName,
            },
            {
              title: t('grant.period'),
              key: 'period',
              width: 200,
              render: (_: unknown, g) => `${g.periodFrom} ~ ${g.periodTo}`,
            },
            {
              title: t('grant.modules'),
              dataIndex: 'modules',
              key: 'modules',
              render: (m: EvaluationModule[]) => <ModuleTags modules={m} />,
            },
            {
              title: t('grant.expiresAt'),
              dataIndex: 'expiresAt',
              key: 'expiresAt',
              width: 140,
              render: formatDateTime,
            },
            {
              title: t('grant.status'),
              dataIndex: 'status',
              key: 'status',
              width: 90,
              render: (s: GrantStatus) => <GrantStatusTag status={s} />,
            },
            {
              title: t('grant.accounts'),
              key: 'accounts',
              width: 150,
              render: (_: unknown, g) => t('grant.accountCount', { users: g.users.length, tokens: g.tokens.length }),
            },
          ]}
        />
      </Card>
      <GrantFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(g) => {
          setCreating(false);
          void message.success(t('grant.created'));
          void queryClient.invalidateQueries({ queryKey: grantKeys.all });
          setFilters({ grant: g.id });
        }}
      />
      <GrantDrawer id={filters.grant} onClose={() => setFilters({ grant: undefined })} />
    </>
  );
}
