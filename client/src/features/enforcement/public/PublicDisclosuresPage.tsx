import { useEffect, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Result, Select, Skeleton, Tag, Typography } from 'antd';
import { RightOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PublicCounty, PublicDisclosure } from '../../../lib/api/types';
import { isApiProblem } from '../../../lib/api/client';
import { countyOfTownship, usePublicCounties } from '../../../lib/publicCounties';
import { publicEnforcementPath, rememberCounty } from '../../../lib/publicPaths';
import { useCursorList } from '../../../lib/useCursorList';
import { usePhone } from '../../../lib/usePhone';
import { LoadMore } from '../../../components/LoadMore';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { PublicCountyPicker } from '../../../components/PublicCountyPicker';
import { enforcementApi, enforcementKeys } from '../api';
import type zhCN from '../../../locales/zh-CN.json';
import '../enforcement-public.css';

/** One labelled line of a card: the label above, the text wrapping inside the card (never wider than it). */
function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="ep-line">
      <Typography.Text type="secondary" className="ep-label">
        {label}
      </Typography.Text>
      <div className="ep-value" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

type PublicFieldLabels = (typeof zhCN)['enforcement']['public']['fields'];

/** A published decision as a card; a retracted one shows only its number, dates and the public reason. */
export function DisclosureCard({ d }: { d: PublicDisclosure }) {
  const { t } = useTranslation();
  const f = (k: keyof PublicFieldLabels) => t(`enforcement.public.fields.${k}`);
  const retracted = d.state === 'retracted';
  return (
    <Card size="small" className="ep-card" data-testid="public-disclosure" data-id={d.id} data-state={d.state}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong className="ep-value" data-testid="public-disclosure-no">
          {d.decisionNo}
        </Typography.Text>
        {retracted ? (
          <Tag color="default" style={{ marginInlineEnd: 0 }} data-testid="public-disclosure-retracted">
            {t('enforcement.public.retracted')}
          </Tag>
        ) : null}
      </Flex>
      {retracted ? (
        <>
          <Line label={f('retractedOn')}>{d.retractedOn}</Line>
          <Line label={f('retractionReason')} testId="public-disclosure-reason">
            {d.retractionReason}
          </Line>
        </>
      ) : (
        <>
          <Line label={f('party')} testId="public-disclosure-party">
            {d.partyDisplay ?? t('common.none')}
          </Line>
          {d.creditCode ? (
            <Line label={f('creditCode')} testId="public-disclosure-credit-code">
              {d.creditCode}
            </Line>
          ) : null}
          <Line label={f('facts')}>{d.facts ?? t('common.none')}</Line>
          <Line label={f('penalty')} testId="public-disclosure-penalty">
            {d.penalty ?? t('common.none')}
          </Line>
          <Line label={f('legalBasis')}>{d.legalBasis ?? t('common.none')}</Line>
        </>
      )}
      <Typography.Text type="secondary" className="ep-meta">
        {[d.townshipName, d.domainName].filter(Boolean).join(' · ')}
        {d.townshipName || d.domainName ? ' · ' : ''}
        {f('decidedOn')} {d.decidedOn} · {f('publishedOn')} {d.publishedOn}
      </Typography.Text>
    </Card>
  );
}

/** The county and, when a township is asked for, the township of the address's region. */
function placeOf(counties: readonly PublicCounty[], regionId: string) {
  const county = counties.find((c) => c.id === regionId) ?? countyOfTownship(counties, regionId);
  const township = county?.townships.find((tw) => tw.id === regionId);
  return { county, township };
}

/**
 * /public/enforcement/disclosures?regionId=…: a county's or a township's 行政处罚决定公示 (no login), newest first,
 * as cards on every screen (one column on a phone); the area can be narrowed to a township, whose team page it links.
 * Without a region: the counties to pick from.
 */
export function PublicDisclosuresPage() {
  const { t } = useTranslation();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const regionId = params.get('regionId') ?? '';
  const counties = usePublicCounties();
  const { county, township } = placeOf(counties.data ?? [], regionId);
  const query = { regionId, limit: 20 };
  const list = useCursorList<PublicDisclosure>(
    enforcementKeys.publicDisclosures(query),
    (cursor, signal) => enforcementApi.publicDisclosures({ ...query, cursor }, signal),
    { enabled: !!regionId },
  );
  useEffect(() => {
    if (county) rememberCounty(county.id);
  }, [county]);

  if (!regionId) return <PublicCountyPicker title={t('enforcement.public.title')} to={publicEnforcementPath} />;
  if (isApiProblem(list.error) && (list.error.status === 404 || list.error.status === 400)) {
    return (
      <Result
        status="404"
        data-testid="not-found"
        title={t('enforcement.public.notFound')}
        extra={
          <Link to="/public/enforcement/disclosures">
            <Button type="primary">{t('enforcement.public.title')}</Button>
          </Link>
        }
      />
    );
  }
  const regionName = township?.name ?? county?.name;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }} data-testid="public-disclosures-page">
      <Typography.Title level={phone ? 4 : 3} style={{ marginTop: 0 }} data-testid="public-disclosures-title">
        {regionName ? t('enforcement.public.titleOf', { region: regionName }) : t('enforcement.public.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('enforcement.public.intro')}</Typography.Paragraph>
      {county ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            value={regionId}
            onChange={(v) => setParams({ regionId: v }, { replace: true })}
            aria-label={t('enforcement.public.region')}
            style={{ flex: phone ? '1 1 100%' : '0 0 240px', minWidth: 0 }}
            options={[
              { value: county.id, label: t('enforcement.public.wholeCounty', { county: county.name }) },
              ...county.townships.map((tw) => ({ value: tw.id, label: tw.name })),
            ]}
            data-testid="public-disclosures-region"
          />
          {township ? (
            <Link to={`/public/enforcement/teams/${township.id}`} data-testid="public-disclosures-team">
              <Button icon={<TeamOutlined />}>{t('enforcement.public.teamLink')}</Button>
            </Link>
          ) : null}
        </Flex>
      ) : null}
      {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
      {list.isLoading ? (
        <Skeleton active />
      ) : list.items.length === 0 && !list.error ? (
        <Empty description={t('enforcement.public.empty')} data-testid="public-disclosures-empty" />
      ) : (
        <Flex vertical gap={12} data-testid="public-disclosures">
          {list.items.map((d) => (
            <DisclosureCard key={d.id} d={d} />
          ))}
        </Flex>
      )}
      {list.items.length > 0 ? (
        <LoadMore
          count={list.items.length}
          hasMore={list.hasMore}
          loading={list.isFetchingMore}
          onLoadMore={list.loadMore}
        />
      ) : null}
      {county && !township ? <TeamLinks county={county} /> : null}
    </div>
  );
}

/** 执法队伍公示: every township of the county, each to its team page. */
function TeamLinks({ county }: { county: PublicCounty }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('enforcement.public.teams')} style={{ marginTop: 24 }} data-testid="public-team-links">
      <Typography.Paragraph type="secondary">{t('enforcement.public.teamsHint')}</Typography.Paragraph>
      <Flex wrap gap={8}>
        {county.townships.map((tw) => (
          <Link key={tw.id} to={`/public/enforcement/teams/${tw.id}`} data-testid="public-team-link" data-id={tw.id}>
            <Button size="small">
              {tw.name} <RightOutlined />
            </Button>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
