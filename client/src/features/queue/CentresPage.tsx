import { useState } from 'react';
import { Button, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Centre, CentreTier } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { queueApi, queueKeys } from './api';
import { CreateCentreModal } from './CreateCentreModal';
import { useCountyId } from './hooks';
import { CENTRE_TIERS, isCentreTier, managesServices } from './model';
import { TierTag } from '../../components/PublicCentreCard';

const KEYS = ['tier', 'q'] as const;

/**
 * 服务网点: the county hall, the township centres and the village agent points in the user's scope, by tier and name
 * (filters in the query string). The county's service administration (services.manage) creates them.
 */
export function CentresPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = managesServices(me);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const countyId = useCountyId(me);
  const [values, setFilters] = useSearchFilters(KEYS);
  const tier: CentreTier | undefined = isCentreTier(values.tier) ? values.tier : undefined;
  const q = values.q?.trim() || undefined;
  const [creating, setCreating] = useState(false);

  const list = useCursorList<Centre>(queueKeys.centreList({ tier, q }), (cursor, signal) =>
    queueApi.centres({ tier, q, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('queue.nav.centres')}
        subtitle={t('queue.centres.subtitle')}
        extra={
          <>
            {countyId ? (
              <Link to={`/public/centres/${countyId}`} target="_blank" data-testid="centres-public-link">
                <Button icon={<GlobalOutlined />}>{t('queue.centres.publicPage')}</Button>
              </Link>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="centre-create">
                {t('queue.centres.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="centres-filters">
          <Segmented<string>
            value={tier ?? ''}
            onChange={(v) => setFilters({ tier: v || undefined })}
            options={[
              { value: '', label: <span data-testid="tier-filter-all">{t('queue.centres.allTiers')}</span> },
              ...CENTRE_TIERS.map((x) => ({ value: x, label: <span data-testid={`tier-filter-${x}`}>{t(`queue.tiers.${x}`)}</span> })),
            ]}
          />
          <SearchBox
            value={q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('queue.centres.searchPlaceholder')}
            maxWidth={320}
            testId="centres-search"
          />
        </Flex>
        <CursorTable<Centre>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 'max-content' }}
          data-testid="centres-table"
          onRow={(c) => ({ 'data-testid': 'centre-row', 'data-id': c.id, 'data-tier': c.tier }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('queue.centres.empty') }}
          columns={[
            {
              key: 'name',
              title: t('queue.fields.name'),
              render: (_, c) => (
                <Link to={`/services/centres/${c.id}`} data-testid="centre-link">
                  {c.name}
                </Link>
              ),
            },
            { key: 'tier', title: t('queue.fields.tier'), render: (_, c) => <TierTag tier={c.tier} /> },
            { key: 'address', title: t('queue.fields.address'), render: (_, c) => c.address || t('common.none') },
            { key: 'phone', title: t('queue.fields.phone'), render: (_, c) => c.phone || t('common.none') },
            { key: 'hours', title: t('queue.fields.hours'), render: (_, c) => c.hours || t('common.none') },
            {
              key: 'items',
              title: t('queue.fields.itemCount'),
              align: 'right',
              render: (_, c) => <span data-testid="centre-item-count">{c.itemCount}</span>,
            },
            {
              key: 'windows',
              title: t('queue.fields.windowCount'),
              align: 'right',
              render: (_, c) => <span data-testid="centre-window-count">{c.windowCount}</span>,
            },
            {
              key: 'queue',
              title: t('queue.fields.queue'),
              render: (_, c) =>
                c.tier === 'village' ? (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ) : (
                  <Link to={`/public/queue/${c.id}`} target="_blank">
                    <Tag color="red" style={{ cursor: 'pointer' }}>
                      {t('queue.centres.hallDisplay')}
                    </Tag>
                  </Link>
                ),
            },
          ]}
        />
      </Card>
      {canManage ? (
        <CreateCentreModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(detail) => {
            setCreating(false);
            queryClient.setQueryData(queueKeys.centre(detail.centre.id), detail);
            void queryClient.invalidateQueries({ queryKey: queueKeys.centres });
            void navigate(`/services/centres/${detail.centre.id}`);
          }}
        />
      ) : null}
    </>
  );
}
