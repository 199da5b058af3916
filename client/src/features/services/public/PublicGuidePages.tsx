import { Button, Card, Col, Empty, Flex, Result, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { PublicServiceItemQuery, ServiceLevel } from '../../../lib/api/types';
import { isApiProblem } from '../../../lib/api/client';
import { useSearchFilters } from '../../../lib/useSearchFilters';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { PublicCountyPicker } from '../../../components/PublicCountyPicker';
import { rememberCounty, rememberedCounty } from '../../../lib/publicPaths';
import { SearchBox } from '../../../components/SearchBox';
import { publicServicesApi, servicesKeys } from '../api';
import { GuideView } from '../GuideView';
import { PublicCentreCard } from '../../../components/PublicCentreCard';
import { isServiceLevel, SERVICE_LEVELS } from '../model';
import '../../../components/print.css';
import '../services.css';

function NotPublished({ backTo }: { backTo: string | null }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      data-testid="not-found"
      title={t('common.notFoundOrNoAccess')}
      extra={
        backTo ? (
          <Link to={backTo}>
            <Button type="primary">{t('services.public.backToList')}</Button>
          </Link>
        ) : null
      }
    />
  );
}

/** /public/services: no county in the address — the county last looked at, else the visitor picks one. */
export function PublicServicesNoCounty() {
  const { t } = useTranslation();
  const county = rememberedCounty();
  if (county) return <Navigate to={`/public/services/${county}`} replace />;
  return <PublicCountyPicker title={t('services.public.title')} to={(id) => `/public/services/${id}`} />;
}

/** /public/services/:countyId: the county's published guides, searchable by name and filtered by level. */
export function PublicServicesPage() {
  const { t } = useTranslation();
  const { countyId = '' } = useParams();
  const [filters, setFilters] = useSearchFilters(['q', 'level'] as const);
  const query: PublicServiceItemQuery = { q: filters.q, level: isServiceLevel(filters.level) ? filters.level : undefined };
  const items = useQuery({
    queryKey: servicesKeys.publicItems(countyId, query),
    queryFn: ({ signal }) => publicServicesApi.items(countyId, query, signal),
    enabled: !!countyId,
  });
  useEffect(() => {
    if (items.isSuccess) rememberCounty(countyId);
  }, [items.isSuccess, countyId]);

  if (items.isError && isApiProblem(items.error) && (items.error.status === 404 || items.error.status === 400)) {
    return <NotPublished backTo={null} />;
  }
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('services.public.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('services.public.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <SearchBox
          value={filters.q}
          onSearch={(v) => setFilters({ q: v })}
          placeholder={t('services.public.searchPlaceholder')}
          testId="public-services-search"
        />
        <Select<ServiceLevel>
          allowClear
          placeholder={t('services.allLevels')}
          value={query.level}
          onChange={(v) => setFilters({ level: v })}
          options={SERVICE_LEVELS.map((l) => ({ value: l, label: t(`services.levels.${l}`) }))}
          style={{ minWidth: 130 }}
          data-testid="public-services-level"
        />
      </Flex>
      {items.isPending ? (
        <Skeleton active />
      ) : items.isError ? (
        <ProblemAlert error={items.error} />
      ) : items.data.length === 0 ? (
        <Empty description={t('services.public.none')} data-testid="public-services-empty" />
      ) : (
        <Card size="small">
          <Typography.Text type="secondary">{t('services.public.count', { count: items.data.length })}</Typography.Text>
          <Flex vertical data-testid="public-services" style={{ marginTop: 8 }}>
            {items.data.map((v) => (
              <div key={v.itemId} className="sc-public-row" data-testid="public-service" data-code={v.code}>
                <Link to={`/public/services/item/${v.itemId}?county=${encodeURIComponent(countyId)}`} data-testid="public-service-link" style={{ display: 'block' }}>
                  <Flex justify="space-between" align="center" gap={12}>
                    <div>
                      <Typography.Text strong>{v.name}</Typography.Text>
                      <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
                        <Tag color="blue">{t(`services.levels.${v.level}`)}</Tag>
                        <Tag color={v.kind === 'immediate' ? 'green' : 'orange'}>{t(`services.kinds.${v.kind}`)}</Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {v.promisedDays === null
                            ? t('services.onTheSpot')
                            : `${t('services.promisedDays')} ${t('services.workingDays', { count: v.promisedDays })}`}
                          {' · '}
                          {v.feeAmount ? t('services.feeText', { amount: v.feeAmount }) : t('services.free')}
                        </Typography.Text>
                      </Flex>
                    </div>
                    <RightOutlined />
                  </Flex>
                </Link>
              </div>
            ))}
          </Flex>
        </Card>
      )}
    </>
  );
}

/** /public/services/item/:id: one published guide (the version in force today), printable. */
export function PublicGuidePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const county = params.get('county');
  const backTo = county ? `/public/services/${encodeURIComponent(county)}` : null;
  const guide = useQuery({
    queryKey: servicesKeys.publicItem(id),
    queryFn: ({ signal }) => publicServicesApi.item(id, signal),
    enabled: !!id,
  });

  if (guide.isPending) return <Skeleton active />;
  if (guide.isError) {
    if (isApiProblem(guide.error) && (guide.error.status === 404 || guide.error.status === 400)) return <NotPublished backTo={backTo} />;
    return <ProblemAlert error={guide.error} />;
  }
  const v = guide.data;
  return (
    <div className="pl-printable">
      <Flex justify="space-between" align="flex-start" wrap gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="public-guide-title">
            {v.name}
          </Typography.Title>
          <Typography.Text type="secondary">{t('services.guideTitle')}</Typography.Text>
        </div>
        <Flex gap={8} wrap align="center" className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="public-print">
            {t('powers.print')}
          </Button>
          {backTo ? (
            <Link to={backTo} data-testid="public-guide-back">
              {t('services.public.backToList')}
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <Card data-testid="public-guide">
        <GuideView v={v} />
      </Card>
      <GuidePlaces itemId={id} />
    </div>
  );
}

/** 办理地点与办公时间: where the item is handled and when, each centre with its address, phone and hours. */
function GuidePlaces({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const places = useQuery({
    queryKey: servicesKeys.publicPlaces(itemId),
    queryFn: ({ signal }) => publicServicesApi.places(itemId, signal),
  });
  if (places.isPending) return <Skeleton active />;
  if (places.isError) return <ProblemAlert error={places.error} />;
  return (
    <section data-testid="public-guide-places" style={{ marginTop: 16 }}>
      <Typography.Title level={4}>{t('services.public.placesTitle')}</Typography.Title>
      {places.data.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('services.public.noPlaces')}</Typography.Paragraph>
      ) : (
        <Row gutter={[12, 12]}>
          {places.data.map((c) => (
            <Col xs={24} md={12} key={c.id}>
              <PublicCentreCard centre={c} itemId={itemId} />
            </Col>
          ))}
        </Row>
      )}
    </section>
  );
}
