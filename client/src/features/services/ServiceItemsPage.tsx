import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Select, Tag } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServiceItemQuery, ServiceItemVersion, ServiceKind, ServiceLevel } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { useCurrentUser, usePermission, countyOf } from '../../lib/auth/useAuth';
import { AsOfBanner, AsOfPicker } from '../../components/AsOfPicker';
import { countyToday, effectiveAsOf } from '../../lib/dates';
import { servicesApi, servicesKeys } from './api';
import { CreateGuideModal } from './GuideModals';
import { PublishedTag } from './PublishedTag';
import { isServiceKind, isServiceLevel, SERVICE_KINDS, SERVICE_LEVELS } from './model';

const FILTERS = ['q', 'level', 'kind', 'asOf'] as const;

/** 事项目录: the county's service items as in force on a date, searchable and filtered; 新建事项 for services.manage. */
export function ServiceItemsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = usePermission('services.manage');
  const countyId = countyOf(me);
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [creating, setCreating] = useState(false);

  const asOf = effectiveAsOf(filters.asOf);
  const query: Omit<ServiceItemQuery, 'cursor'> = {
    q: filters.q,
    level: isServiceLevel(filters.level) ? filters.level : undefined,
    kind: isServiceKind(filters.kind) ? filters.kind : undefined,
    asOf,
  };
  const list = useCursorList<ServiceItemVersion>(servicesKeys.items(query), (cursor, signal) =>
    servicesApi.items({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('nav.serviceItems')}
        subtitle={t('services.subtitle')}
        extra={
          <>
            {countyId ? (
              <Link to={`/public/services/${countyId}`} target="_blank" data-testid="services-public-link">
                <Button icon={<GlobalOutlined />}>{t('services.publicPage')}</Button>
              </Link>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="service-create">
                {t('services.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="services-filters">
          <SearchBox
            value={filters.q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('services.searchPlaceholder')}
            maxWidth={320}
            testId="services-search"
          />
          <Select<ServiceLevel>
            allowClear
            placeholder={t('services.allLevels')}
            value={query.level}
            onChange={(v) => setFilters({ level: v })}
            options={SERVICE_LEVELS.map((l) => ({ value: l, label: t(`services.levels.${l}`) }))}
            style={{ minWidth: 130 }}
            data-testid="services-level-filter"
          />
          <Select<ServiceKind>
            allowClear
            placeholder={t('services.allKinds')}
            value={query.kind}
            onChange={(v) => setFilters({ kind: v })}
            options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`services.kinds.${k}`) }))}
            style={{ minWidth: 150 }}
            data-testid="services-kind-filter"
          />
          <AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} testId="services-as-of" />
        </Flex>
        <CursorTable<ServiceItemVersion>
          list={list}
          data-testid="services-table"
          rowKey="itemId"
          size="middle"
          scroll={{ x: 1100 }}
          onRow={(r) => ({ 'data-testid': 'service-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('services.code'),
              dataIndex: 'code',
              key: 'code',
              width: 150,
              render: (code: string, r) => (
                <Link to={`/services/items/${r.itemId}`} data-testid="service-code">
                  {code}
                </Link>
              ),
            },
            {
              title: t('services.name'),
              dataIndex: 'name',
              key: 'name',
              render: (name: string) => <span data-testid="service-name">{name}</span>,
            },
            {
              title: t('services.level'),
              dataIndex: 'level',
              key: 'level',
              width: 90,
              render: (l: ServiceLevel) => <Tag color="blue">{t(`services.levels.${l}`)}</Tag>,
            },
            {
              title: t('services.kind'),
              dataIndex: 'kind',
              key: 'kind',
              width: 100,
              render: (k: ServiceKind) => <Tag color={k === 'immediate' ? 'green' : 'orange'}>{t(`services.kinds.${k}`)}</Tag>,
            },
            {
              title: t('services.daysColumn'),
              key: 'days',
              width: 170,
              render: (_: unknown, r) => (
                <span data-testid="service-days">
                  {r.promisedDays === null ? t('services.onTheSpot') : r.promisedDays} / {r.statutoryDays}
                </span>
              ),
            },
            {
              title: t('services.fee'),
              key: 'fee',
              width: 110,
              render: (_: unknown, r) => (r.feeAmount ? t('services.feeText', { amount: r.feeAmount }) : t('services.free')),
            },
            {
              title: t('services.version'),
              dataIndex: 'version',
              key: 'version',
              width: 70,
              render: (v: number) => `v${v}`,
            },
            {
              title: t('services.published'),
              dataIndex: 'publishedAt',
              key: 'published',
              width: 110,
              render: (p: string | null) => <PublishedTag publishedAt={p} />,
            },
          ]}
        />
      </Card>
      {canManage ? (
        <CreateGuideModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(item) => {
            setCreating(false);
            const created = item.versions[item.versions.length - 1];
            if (!created) return;
            void message.success(t('services.created', { code: created.code }));
            void queryClient.invalidateQueries({ queryKey: servicesKeys.all });
            // show it in the list: found by its code, as of its first day when that is still ahead
            const from = created.effectiveFrom;
            setFilters({ q: created.code, level: undefined, kind: undefined, asOf: from > countyToday() ? from : undefined });
          }}
        />
      ) : null}
    </>
  );
}
