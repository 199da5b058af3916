import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Row,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { EditOutlined, LinkOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isStaleRecord } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { diffRange, etagOf } from '../../lib/versions';
import { PageHeader } from '../../components/PageHeader';
import { problemMessage } from '../../components/ProblemAlert';
import { StaleRecordAlert } from '../../components/StaleRecordAlert';
import { RecordStatus } from '../../components/RecordStatus';
import { VersionTimeline } from '../../components/VersionTimeline';
import { hasPermission, useCurrentUser } from '../../lib/auth/useAuth';
import { PeriodLabel } from '../../components/PeriodLabel';
import { countyToday } from '../../lib/dates';
import { AuditTrailLink } from '../../components/AuditTrailLink';
import { servicesApi, servicesKeys } from './api';
import { GuideDiffView } from './GuideDiffView';
import { ReviseGuideModal } from './GuideModals';
import { GuideView } from './GuideView';
import { PublishedTag } from './PublishedTag';
import { canPublish, guideVersionState, type GuideVersionState } from './model';

const STATE_COLORS: Record<GuideVersionState, string> = { inForce: 'green', superseded: 'default', planned: 'blue' };

/** A service item: its guide (现行 or a chosen version), the history, a diff of two versions; 修订 and 公布 by permission. */
export function ServiceItemDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'services.manage');
  const [filters, setFilters] = useSearchFilters(['v', 'from', 'to'] as const);
  const [revising, setRevising] = useState(false);
  const [publishStale, setPublishStale] = useState(false);

  const item = useQuery({
    queryKey: servicesKeys.item(id),
    queryFn: ({ signal }) => servicesApi.item(id, signal),
    enabled: !!id,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: servicesKeys.item(id) });

  const publish = useMutation({
    mutationFn: (etag: string) => servicesApi.publish(id, etag),
    onSuccess: ({ data }) => {
      setPublishStale(false);
      void message.success(t('services.publishedDone', { version: data.latestVersion }));
      void queryClient.invalidateQueries({ queryKey: servicesKeys.all });
    },
    onError: (e) => {
      if (isStaleRecord(e)) setPublishStale(true);
      else void message.error(problemMessage(e, t('common.requestFailed')));
    },
  });

  if (item.isPending || item.isError) return <RecordStatus error={item.error} />;

  const { data: detail, etag } = item.data;
  const versions = detail.versions;
  const latest = versions[versions.length - 1]!;
  const ifMatch = etag ?? etagOf(detail.latestVersion);
  const today = countyToday();
  const chosen = versions.find((v) => v.version === Number(filters.v));
  const shown = chosen ?? detail.current ?? latest;
  const diff = diffRange(versions, filters.from, filters.to);

  return (
    <>
      <PageHeader
        title={
          <span data-testid="service-title">
            {latest.code} {latest.name}
          </span>
        }
        subtitle={
          <Flex gap={8} align="center" component="span">
            <span data-testid="service-version-count">{t('services.versionCount', { count: versions.length })}</span>
            <span>v{latest.version}</span>
            <PublishedTag publishedAt={latest.publishedAt} />
          </Flex>
        }
        extra={
          <>
            <AuditTrailLink recordType="service_item" recordId={id} />
            {canManage ? (
              <Button icon={<EditOutlined />} onClick={() => setRevising(true)} data-testid="service-revise">
                {t('services.revise')}
              </Button>
            ) : null}
            {canManage && canPublish(latest) ? (
              <Popconfirm
                title={t('services.publishConfirm', { version: latest.version })}
                okText={t('services.publish')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'service-publish-confirm' } as ButtonProps}
                onConfirm={() => publish.mutate(ifMatch)}
              >
                <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="service-publish">
                  {t('services.publish')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      {publishStale ? <StaleRecordAlert onReload={refresh} onReloaded={() => setPublishStale(false)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={t('services.guideOf', { version: shown.version })}
            extra={
              <Flex gap={8} align="center">
                <Tag color={STATE_COLORS[guideVersionState(shown, today)]}>
                  {t(`services.versionStates.${guideVersionState(shown, today)}`)}
                </Tag>
                <PublishedTag publishedAt={shown.publishedAt} />
              </Flex>
            }
          >
            {chosen ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="guide-chosen-version"
                title={t('services.showingVersion', { version: chosen.version })}
                action={
                  <Typography.Link onClick={() => setFilters({ v: undefined })} data-testid="guide-back-to-current">
                    {t('services.backToCurrent')}
                  </Typography.Link>
                }
              />
            ) : detail.current ? null : (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="guide-not-in-force"
                title={t('services.noCurrent', { version: latest.version, date: latest.effectiveFrom })}
              />
            )}
            <GuideView v={shown} />
            {shown.powerItemId ? (
              <Link to={`/power-lists/items/${shown.powerItemId}`} data-testid="guide-power-item">
                <LinkOutlined /> {t('services.viewPower')}
              </Link>
            ) : null}
          </Card>
          <Card title={t('powers.diff.title')} style={{ marginTop: 16 }}>
            <GuideDiffView
              versions={versions}
              from={diff.from}
              to={diff.to}
              onChange={(from, to) => setFilters({ from: String(from), to: String(to) })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('services.history')}>
            <VersionTimeline versions={versions} stateOf={(v) => guideVersionState(v, today)} colors={STATE_COLORS}>
              {(v, state) => (
                <div data-testid="version-item" data-version={v.version} data-state={state} data-published={String(v.publishedAt !== null)}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Link strong onClick={() => setFilters({ v: String(v.version) })} data-testid="version-show">
                      v{v.version}
                    </Typography.Link>
                    <Tag color={STATE_COLORS[state]}>{t(`services.versionStates.${state}`)}</Tag>
                    <PublishedTag publishedAt={v.publishedAt} />
                  </Flex>
                  <Typography.Text type="secondary">
                    <PeriodLabel from={v.effectiveFrom} to={v.effectiveTo} />
                  </Typography.Text>
                  <div>{v.changeNote}</div>
                  {v.publishedAt ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('services.publishedAt', { date: formatDateTime(v.publishedAt) })}
                    </Typography.Text>
                  ) : null}
                </div>
              )}
            </VersionTimeline>
          </Card>
        </Col>
      </Row>
      {canManage ? (
        <ReviseGuideModal
          open={revising}
          itemId={id}
          latest={latest}
          etag={ifMatch}
          onClose={() => setRevising(false)}
          onDone={({ data }) => {
            setRevising(false);
            void message.success(t('services.revised', { version: data.latestVersion }));
            setFilters({ v: undefined, from: String(data.latestVersion - 1), to: String(data.latestVersion) });
            void queryClient.invalidateQueries({ queryKey: servicesKeys.all });
          }}
          onReload={refresh}
        />
      ) : null}
    </>
  );
}
