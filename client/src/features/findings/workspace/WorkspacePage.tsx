import {
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Space,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { AuditOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding, MyGrant } from '../../../lib/api/types';
import { useCurrentUser } from '../../../lib/auth/useAuth';
import { countyToday } from '../../../lib/dates';
import { formatDateTime } from '../../../lib/format';
import { useCursorList } from '../../../lib/useCursorList';
import { usePhone } from '../../../lib/usePhone';
import { useSearchFilters } from '../../../lib/useSearchFilters';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { findingsApi, findingsKeys } from '../api';
import { FindingDrawer } from '../FindingDrawer';
import { FindingsTable } from '../FindingsTable';
import { KpiTab } from './KpiTab';
import { grantMonths, workspaceKpiFilter, workspaceTab, WORKSPACE_KEYS } from './model';
import { RecordsTab } from './RecordsTab';

/** The grant the evaluator works under: who, what for, where, which data, which modules, until when. */
function GrantDescriptions({ grant }: { grant: MyGrant }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: phone ? { padding: 12 } : undefined }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        layout={phone ? 'vertical' : 'horizontal'}
        data-testid="workspace-grant"
      >
        <Descriptions.Item label={t('grant.organisation')}>
          <span data-testid="workspace-grant-organisation">{grant.organisation}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.purpose')}>{grant.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('grant.scope')}>
          <span data-testid="workspace-grant-regions">{grant.regions.map((r) => r.name).join('、')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.period')}>
          <span data-testid="workspace-grant-period">
            {grant.periodFrom} ~ {grant.periodTo}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.modules')}>
          <Space size={[4, 4]} wrap data-testid="workspace-grant-modules">
            {grant.modules.map((m) => (
              <Tag key={m} color="blue" style={{ marginInlineEnd: 0 }}>
                {t(`grant.moduleNames.${m}`)}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.expiresAt')}>{formatDateTime(grant.expiresAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 审计: every read of an evaluator is in the audit log; the page is the audit page itself, not another table. */
function AuditTab({ username }: { username: string }) {
  const { t } = useTranslation();
  const mine = new URLSearchParams({ actor: username, action: 'evaluation.read' });
  return (
    <Result
      icon={<AuditOutlined />}
      subTitle={t('workspace.audit.intro')}
      extra={
        <Flex gap={8} wrap justify="center">
          <Link to="/audit">
            <Button type="primary" data-testid="workspace-audit-open">
              {t('workspace.audit.open')}
            </Button>
          </Link>
          <Link to={`/audit?${mine.toString()}`}>
            <Button data-testid="workspace-audit-mine">{t('workspace.audit.mine')}</Button>
          </Link>
        </Flex>
      }
    />
  );
}

/** 意见: how many of the grant's findings wait for an answer or are answered, and the findings newest first. */
/** The overview's counts: waiting for an answer (open or disputed), answered, all. */
const COUNTS = [
  { name: 'waiting', count: 'open' },
  { name: 'answered', count: 'answered' },
  { name: 'total', count: 'total' },
] as const;

function FindingsTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: findingsKeys.summary, queryFn: ({ signal }) => findingsApi.summary(signal) });
  const list = useCursorList<Finding>(findingsKeys.list({}), (cursor, signal) =>
    findingsApi.list({ cursor, limit: 50 }, signal),
  );
  const sum = (k: 'open' | 'answered' | 'total') => (summary.data ?? []).reduce((n, c) => n + c[k], 0);
  return (
    <>
      {summary.error ? <ProblemAlert error={summary.error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="workspace-findings-counts">
        {COUNTS.map(({ name, count }) => (
          <Col xs={8} key={name}>
            <Card size="small" loading={summary.isPending}>
              <Statistic
                title={t(`workspace.findings.${name}`)}
                value={sum(count)}
                suffix={
                  name === 'waiting' ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('workspace.findings.waitingHint')}
                    </Typography.Text>
                  ) : undefined
                }
                data-testid={`workspace-findings-${name}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <FindingsTable list={list} onOpen={onOpen} />
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <Link to="/findings" data-testid="workspace-findings-all">
          {t('workspace.findings.all')} <RightOutlined style={{ fontSize: 11 }} />
        </Link>
      </Flex>
    </>
  );
}

/**
 * 评估工作台 (evaluators): the grant at the top, then the KPIs of every module it opens with their revisions and
 * definitions (a finding on a frozen figure from its row), the lists of records in scope, the audit log and the
 * grant's findings. The tab, the KPI filters and the open finding are kept in the address.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const phone = usePhone();
  const [values, setFilters] = useSearchFilters(WORKSPACE_KEYS);
  const summary = useQuery({
    queryKey: findingsKeys.summary,
    queryFn: ({ signal }) => findingsApi.summary(signal),
    enabled: !!me.grant,
  });
  const grant = me.grant;
  if (!grant) return <Result status="403" title={t('workspace.noGrant')} data-testid="workspace-no-grant" />;

  const today = countyToday();
  const filter = workspaceKpiFilter(values, grant, today);
  const waiting = (summary.data ?? []).reduce((n, c) => n + c.open, 0);
  const tab = workspaceTab(values.tab);

  return (
    <>
      <PageHeader title={t('workspace.title')} subtitle={t('workspace.subtitle')} />
      <GrantDescriptions grant={grant} />
      <Card styles={{ body: phone ? { padding: 12, paddingTop: 4 } : { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setFilters({ tab: k === 'kpis' ? undefined : k })}
          data-testid="workspace-tabs"
          items={[
            {
              key: 'kpis',
              label: <span data-testid="workspace-tab-kpis">{t('workspace.tabs.kpis')}</span>,
              children: (
                <KpiTab
                  modules={grant.modules}
                  months={grantMonths(grant, today)}
                  filter={filter}
                  setFilters={setFilters}
                />
              ),
            },
            {
              key: 'records',
              label: <span data-testid="workspace-tab-records">{t('workspace.tabs.records')}</span>,
              children: <RecordsTab modules={grant.modules} />,
            },
            {
              key: 'audit',
              label: <span data-testid="workspace-tab-audit">{t('workspace.tabs.audit')}</span>,
              children: <AuditTab username={me.username} />,
            },
            {
              key: 'findings',
              label: (
                <span data-testid="workspace-tab-findings">
                  {t('workspace.tabs.findings')}{' '}
                  <Badge count={waiting} size="small" data-testid="workspace-tab-findings-waiting" />
                </span>
              ),
              children: <FindingsTab onOpen={(id) => setFilters({ finding: id })} />,
            },
          ]}
        />
      </Card>
      <FindingDrawer id={values.finding} onClose={() => setFilters({ finding: undefined })} />
    </>
  );
}
