import { Button, Card, Col, Empty, Flex, Progress, Row, Select, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HealthFlag, HealthQuery, HealthSeverity, HealthTownshipCount } from '../../lib/api/types';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCurrentUser, countyOf } from '../../lib/auth/useAuth';
import { powersApi, powersKeys } from './api';
import { AsOfBanner, AsOfPicker } from '../../components/AsOfPicker';
import { useTownshipsOf } from './hooks';
import { flagLinks, severityColor } from './healthModel';
import { effectiveAsOf } from '../../lib/dates';
import './powers.css';

const FILTERS = ['asOf', 'townshipId', 'kind'] as const;

function SeverityTag({ severity }: { severity: HealthSeverity }) {
  const { t } = useTranslation();
  return <Tag color={severityColor(severity).tag}>{t(`health.severities.${severity}`)}</Tag>;
}

/** The records behind a flag, as links. */
export function FlagLinks({ flag, asOf }: { flag: HealthFlag; asOf: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {flagLinks(flag, asOf).map((l) => (
        <span key={l.kind}>
          <span style={{ color: '#8c8c8c' }}>{t(`health.${l.kind === 'township' ? 'township' : l.kind}`)}：</span>
          <Link to={l.to} data-testid={`flag-link-${l.kind}`}>
            {l.label}
          </Link>
        </span>
      ))}
    </Flex>
  );
}

/** 清单体检: problems of the township lists on a date, by kind and township, each linked to its records. */
export function HealthPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const countyId = countyOf(me);
  const townships = useTownshipsOf(countyId);
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const asOf = effectiveAsOf(filters.asOf);
  const query: HealthQuery = { asOf, townshipId: countyId ? filters.townshipId : undefined };
  const report = useQuery({
    queryKey: powersKeys.health(query),
    queryFn: ({ signal }) => powersApi.health(query, signal),
  });
  const data = report.data;
  const flags = (data?.flags ?? []).filter((f) => !filters.kind || f.kind === filters.kind);
  const maxTownship = Math.max(1, ...(data?.byTownship ?? []).map((x) => x.count));

  return (
    <>
      <PageHeader
        title={t('nav.powerHealth')}
        subtitle={t('health.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={powersApi.healthExportUrl(query)} data-testid="health-export">
            {t('health.export')}
          </Button>
        }
      />
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} testId="health-as-of" />
          {countyId ? (
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('health.allTownships')}
              value={filters.townshipId}
              onChange={(v) => setFilters({ townshipId: v })}
              options={(townships.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              style={{ minWidth: 160 }}
              data-testid="health-township-filter"
            />
          ) : null}
        </Flex>
      </Card>
      {report.error ? <ProblemAlert error={report.error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="health-summary">
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={report.isPending}>
            <Statistic title={t('health.total')} value={data?.total ?? 0} data-testid="health-total" />
          </Card>
        </Col>
        {(data?.byKind ?? []).map((k) => (
          <Col xs={12} md={8} xl={4} key={k.kind}>
            <Card
              size="small"
              hoverable
              onClick={() => setFilters({ kind: filters.kind === k.kind ? undefined : k.kind })}
              style={{ borderColor: filters.kind === k.kind ? severityColor(k.severity).text : undefined, height: '100%' }}
              data-testid="health-kind"
              data-kind={k.kind}
              data-severity={k.severity}
            >
              <Statistic
                title={k.kindName}
                value={k.count}
                styles={{ content: { color: severityColor(k.severity).text } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {/* side by side only on a wide screen: at 1366 or 1440 px the flags' table needs the whole width */}
      <Row gutter={16}>
        <Col xs={24} xxl={7}>
          <Card title={t('health.byTownship')} style={{ marginBottom: 16 }}>
            <Table<HealthTownshipCount>
              data-testid="health-by-township"
              rowKey="townshipId"
              size="small"
              pagination={false}
              loading={report.isPending}
              dataSource={data?.byTownship ?? []}
              columns={[
                {
                  title: t('health.township'),
                  dataIndex: 'townshipName',
                  key: 'name',
                  width: 100,
                  render: (name: string, r) => (
                    <Link to={`/power-lists/townships/${r.townshipId}?asOf=${asOf}`}>{name}</Link>
                  ),
                },
                {
                  title: t('health.count'),
                  dataIndex: 'count',
                  key: 'count',
                  render: (count: number) => (
                    <Progress
                      percent={(count / maxTownship) * 100}
                      format={() => count}
                      size="small"
                      strokeColor="#d46b08"
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={17}>
          <Card title={t('health.flags')}>
            {data && flags.length === 0 ? (
              <Empty description={t('health.none')} />
            ) : (
              <Table<HealthFlag>
                data-testid="health-flags"
                rowKey={(f) => `${f.kind}|${f.townshipId}|${f.itemId}|${f.agreementId}`}
                size="small"
                loading={report.isPending}
                dataSource={flags}
                pagination={false}
                scroll={{ x: 900 }}
                onRow={(f) =>
                  ({ 'data-testid': 'health-flag', 'data-kind': f.kind, 'data-severity': f.severity }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    title: t('health.severity'),
                    dataIndex: 'severity',
                    key: 'severity',
                    width: 90,
                    render: (s: HealthSeverity) => <SeverityTag severity={s} />,
                  },
                  { title: t('health.kind'), dataIndex: 'kindName', key: 'kind', width: 180 },
                  {
                    title: t('health.item'),
                    key: 'links',
                    width: 300,
                    render: (_: unknown, f) => <FlagLinks flag={f} asOf={data?.asOf ?? asOf} />,
                  },
                  { title: t('health.message'), dataIndex: 'message', key: 'message' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
