import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Skeleton, Space, Tag } from 'antd';
import { GlobalOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { Region } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { directoryApi, organizationKeys } from '../../lib/api/organization';
import { useTownshipsOf } from './hooks';

function TownshipGrid({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const townships = useTownshipsOf(countyId);
  if (townships.isPending) return <Skeleton active />;
  if (townships.isError) return <ProblemAlert error={townships.error} />;
  if (townships.data.length === 0) return <Empty description={t('powers.township.noTownships')} />;
  return (
    <Row gutter={[12, 12]} data-testid="township-index">
      {townships.data.map((r) => (
        <Col xs={12} md={8} xl={6} key={r.id}>
          <Link to={`/power-lists/townships/${r.id}`} data-testid="township-link" data-township={r.name}>
            <Card size="small" hoverable>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <span>
                  {r.name} <Tag variant="filled">{t(`region.kinds.${r.kind}`)}</Tag>
                </span>
                <RightOutlined />
              </Space>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

/** A province-level user first picks a county. */
function CountyPicker({ counties }: { counties: Region[] }) {
  const { t } = useTranslation();
  const [countyId, setCountyId] = useState<string | undefined>(counties[0]?.id);
  return (
    <>
      <Select<string>
        value={countyId}
        onChange={setCountyId}
        options={counties.map((c) => ({ value: c.id, label: c.name }))}
        style={{ minWidth: 200, marginBottom: 16 }}
        placeholder={t('powers.township.pickCounty')}
      />
      {countyId ? <TownshipGrid countyId={countyId} /> : null}
    </>
  );
}

/** 乡镇清单 index: a township user goes straight to their own list; county users pick one of their townships. */
export function TownshipsIndexPage() {
  const { t } = useTranslation();
  const roots = useQuery({
    queryKey: organizationKeys.regionChildren(null),
    queryFn: ({ signal }) => directoryApi.regions(null, signal),
    staleTime: 5 * 60_000,
  });
  const root = roots.data?.[0];
  const counties = useQuery({
    queryKey: organizationKeys.regionChildren(root?.id ?? null),
    queryFn: ({ signal }) => directoryApi.regions(root?.id ?? null, signal),
    enabled: root?.level === 'province',
  });

  if (root?.level === 'township') return <Navigate to={`/power-lists/townships/${root.id}`} replace />;

  return (
    <>
      <PageHeader
        title={t('nav.powerTownships')}
        subtitle={t('powers.township.indexSubtitle')}
        extra={
          <Link to="/public/power-lists" target="_blank" rel="noopener" data-testid="public-pages-link">
            <Button icon={<GlobalOutlined />}>{t('powers.township.publicLink')}</Button>
          </Link>
        }
      />
      <Card>
        {roots.isPending ? (
          <Skeleton active />
        ) : roots.isError ? (
          <ProblemAlert error={roots.error} />
        ) : !root ? (
          <Empty />
        ) : root.level === 'county' ? (
          <TownshipGrid countyId={root.id} />
        ) : root.level === 'province' ? (
          counties.data ? <CountyPicker counties={counties.data} /> : <Skeleton active />
        ) : (
          <Empty description={t('powers.township.villageHint')} data-testid="township-index-none" />
        )}
      </Card>
    </>
  );
}
