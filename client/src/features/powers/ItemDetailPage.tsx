import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  List,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PowerItemVersion } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { diffRange, etagOf, versionState, type VersionState } from '../../lib/versions';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordStatus } from '../../components/RecordStatus';
import { VersionTimeline } from '../../components/VersionTimeline';
import { AuditTrailLink } from '../../components/AuditTrailLink';
import { hasPermission, useCurrentUser, countyOf } from '../../lib/auth/useAuth';
import { LATEST, powersApi, powersKeys } from './api';
import { AsOfPicker } from '../../components/AsOfPicker';
import { ReviseItemModal, WithdrawItemModal } from './ItemChangeModals';
import { effectiveAsOf } from '../../lib/dates';
import { formatLegalBasis } from './versionDiff';
import { PeriodLabel } from '../../components/PeriodLabel';
import { VersionDiffView } from './VersionDiffView';
import './powers.css';

const STATE_COLORS: Record<VersionState, string> = { inForce: 'green', superseded: 'default', planned: 'blue', withdrawn: 'red' };

function VersionFields({ v }: { v: PowerItemVersion }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      bordered
      size="small"
      data-testid="item-current"
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
    >
      <Descriptions.Item label={t('powers.item.code')}>{v.code}</Descriptions.Item>
      <Descriptions.Item label={t('powers.item.version')}>
        <span data-testid="item-current-version">v{v.version}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('powers.item.name')} span={2}>
        <span data-testid="item-current-name">{v.name}</span>
        {v.withdrawn ? (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('powers.item.withdrawn')}
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('powers.item.type')}>{t(`powers.types.${v.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('powers.item.domain')}>{v.domainName}</Descriptions.Item>
      <Descriptions.Item label={t('powers.item.department')}>{v.departmentName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('powers.item.supervisor')}>{v.supervisorName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('powers.item.period')} span={2}>
        <PeriodLabel from={v.effectiveFrom} to={v.effectiveTo} />
      </Descriptions.Item>
      <Descriptions.Item label={t('powers.item.legalBasis')} span={2}>
        {v.legalBasis.length === 0 ? (
          '—'
        ) : (
          <List
            size="small"
            split={false}
            dataSource={v.legalBasis}
            renderItem={(b, i) => <List.Item style={{ padding: '2px 0' }} key={i}>{formatLegalBasis(b)}</List.Item>}
          />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('powers.item.responsibilities')} span={2}>
        <Flex gap={4} wrap>
          {v.responsibilities.length === 0 ? '—' : v.responsibilities.map((r) => <Tag key={r}>{r}</Tag>)}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('powers.item.accountabilities')} span={2}>
        <Flex gap={4} wrap>
          {v.accountabilities.length === 0 ? '—' : v.accountabilities.map((r) => <Tag key={r}>{r}</Tag>)}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('powers.item.changeNote')} span={2}>
        {v.changeNote}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** An item: the version in force on a date, the history (timeline), a diff of two versions; 修订 and 取消 by permission. */
export function ItemDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'powers.manage');
  const [filters, setFilters] = useSearchFilters(['asOf', 'from', 'to'] as const);
  const [revising, setRevising] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const asOf = effectiveAsOf(filters.asOf);

  // The history (and the ETag): as of a date after every version, so it loads even before the first version starts.
  const history = useQuery({
    queryKey: powersKeys.item(id, LATEST),
    queryFn: ({ signal }) => powersApi.item(id, LATEST, signal),
    enabled: !!id,
  });
  // The version in force on the chosen date (null when none is: before the first version).
  const current = useQuery({
    queryKey: powersKeys.item(id, asOf),
    queryFn: ({ signal }) => powersApi.item(id, asOf, signal),
    enabled: !!id && history.isSuccess,
  });

  if (history.isPending || history.isError) return <RecordStatus error={history.error} />;

  const { data: detail, etag } = history.data;
  const versions = detail.versions;
  const latest = versions[versions.length - 1]!;
  const ifMatch = etag ?? etagOf(detail.latestVersion);
  const diff = diffRange(versions, filters.from, filters.to);

  const refresh = () => queryClient.invalidateQueries({ queryKey: powersKeys.itemAll(id) });
  const afterChange = (key: 'powers.item.revised' | 'powers.item.withdrawnDone', version: number) => {
    setRevising(false);
    setWithdrawing(false);
    void message.success(t(key, { version }));
    setFilters({ from: String(version - 1), to: String(version) });
    void queryClient.invalidateQueries({ queryKey: powersKeys.all });
  };

  return (
    <>
      <PageHeader
        title={
          <span data-testid="item-title">
            {latest.code} {latest.name}
          </span>
        }
        subtitle={
          <Flex gap={8} align="center" component="span">
            <span data-testid="item-version-count">{t('powers.item.versionCount', { count: versions.length })}</span>
            {latest.withdrawn ? <Tag color="red">{t('powers.item.withdrawnFrom', { date: latest.effectiveFrom })}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            <AuditTrailLink recordType="power_item" recordId={id} />
            {canManage && !latest.withdrawn ? (
              <>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setRevising(true)} data-testid="item-revise">
                  {t('powers.item.revise')}
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)} data-testid="item-withdraw">
                  {t('powers.item.withdraw')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('powers.item.inForceOn', { date: asOf })}
            extra={<AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} testId="item-as-of" />}
          >
            {current.isPending ? (
              <Skeleton active />
            ) : current.isError ? (
              isApiProblem(current.error) && current.error.status === 404 ? (
                <Alert type="info" showIcon data-testid="item-not-in-force" title={current.error.displayMessage} />
              ) : (
                <ProblemAlert error={current.error} />
              )
            ) : current.data.data.current ? (
              <VersionFields v={current.data.data.current} />
            ) : (
              <Alert type="info" showIcon data-testid="item-not-in-force" title={t('powers.item.notInForce', { date: asOf })} />
            )}
          </Card>
          <Card title={t('powers.diff.title')} style={{ marginTop: 16 }}>
            <VersionDiffView
              versions={versions}
              from={diff.from}
              to={diff.to}
              onChange={(from, to) => setFilters({ from: String(from), to: String(to) })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('powers.item.history')}>
            <VersionTimeline versions={versions} stateOf={(v) => versionState(v, asOf)} colors={STATE_COLORS}>
              {(v, state) => (
                <div data-testid="version-item" data-version={v.version} data-state={state}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong>v{v.version}</Typography.Text>
                    <Tag color={STATE_COLORS[state]}>{t(`powers.versionStates.${state}`)}</Tag>
                    <Typography.Text type="secondary">
                      <PeriodLabel from={v.effectiveFrom} to={v.effectiveTo} />
                    </Typography.Text>
                  </Flex>
                  <div>{v.changeNote}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.createdBy} · {formatDateTime(v.createdAt)}
                  </Typography.Text>
                </div>
              )}
            </VersionTimeline>
          </Card>
        </Col>
      </Row>
      {canManage ? (
        <>
          <ReviseItemModal
            open={revising}
            itemId={id}
            latest={latest}
            etag={ifMatch}
            countyId={countyOf(me)}
            onClose={() => setRevising(false)}
            onDone={({ data }) => afterChange('powers.item.revised', data.latestVersion)}
            onReload={refresh}
          />
          <WithdrawItemModal
            open={withdrawing}
            itemId={id}
            latest={latest}
            etag={ifMatch}
            onClose={() => setWithdrawing(false)}
            onDone={({ data }) => afterChange('powers.item.withdrawnDone', data.latestVersion)}
            onReload={refresh}
          />
        </>
      ) : null}
    </>
  );
}
