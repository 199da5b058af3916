import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamHealthFlag, TeamHealthKind } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { enforcementApi, enforcementKeys } from './api';
import { SeverityTag } from './Tags';

/** The kinds of finding, most serious first (as the page groups them). */
export const HEALTH_KINDS: readonly TeamHealthKind[] = [
  'no_team',
  'undersized',
  'certificate_expired',
  'certificate_expiring',
];

/** The colour of a count of flags: red for the serious kinds, orange for the others, none at zero. */
function countColor(kind: TeamHealthKind, n: number): string | undefined {
  if (n === 0) return undefined;
  return kind === 'undersized' || kind === 'certificate_expiring' ? '#d46b08' : '#cf1322';
}

/** 执法队伍体检: townships without a team, teams short of certified officers, certificates lapsed or ending soon. */
export function EnforcementHealthPage() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: enforcementKeys.health, queryFn: ({ signal }) => enforcementApi.health(signal) });
  if (health.isPending || health.isError) return <RecordStatus error={health.error} />;
  const h = health.data;
  const byKind = new Map<TeamHealthKind, TeamHealthFlag[]>(HEALTH_KINDS.map((k) => [k, []]));
  for (const f of h.flags) byKind.get(f.kind)?.push(f);
  const groups = HEALTH_KINDS.filter((k) => byKind.get(k)!.length > 0);

  return (
    <>
      <PageHeader title={t('enforcement.nav.health')} subtitle={t('enforcement.health.subtitle', { date: h.asOf })} />
      {h.total === 0 ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('enforcement.health.healthy')}
          data-testid="health-ok"
        />
      ) : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {HEALTH_KINDS.map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small">
              <Statistic
                title={t(`enforcement.health.kind.${k}`)}
                value={byKind.get(k)!.length}
                styles={{ content: { color: countColor(k, byKind.get(k)!.length) } }}
                data-testid={`health-count-${k}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {groups.map((k) => (
        <Card
          key={k}
          title={t(`enforcement.health.kind.${k}`)}
          style={{ marginBottom: 16 }}
          data-testid={`health-group-${k}`}
        >
          <Table<TeamHealthFlag>
            dataSource={byKind.get(k)}
            rowKey={(f) => `${f.townshipId}-${f.officerId ?? ''}`}
            pagination={false}
            size="middle"
            columns={[
              {
                title: t('enforcement.health.severityTitle'),
                dataIndex: 'severity',
                width: 90,
                render: (_: unknown, f) => <SeverityTag severity={f.severity} />,
              },
              {
                title: t('enforcement.teams.township'),
                dataIndex: 'townshipName',
                render: (v: string, f) =>
                  f.teamId ? (
                    <Link to={`/enforcement/teams/${f.teamId}`} data-testid="flag-team">
                      {v}
                    </Link>
                  ) : (
                    v
                  ),
              },
              ...(k === 'certificate_expired' || k === 'certificate_expiring'
                ? [
                    {
                      title: t('enforcement.officers.name'),
                      key: 'officer',
                      render: (_: unknown, f: TeamHealthFlag) =>
                        f.officerId ? (
                          <Link to={`/enforcement/officers/${f.officerId}`} data-testid="flag-officer">
                            {f.officerName}
                          </Link>
                        ) : null,
                    },
                  ]
                : []),
              { title: t('enforcement.health.message'), dataIndex: 'message' },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
