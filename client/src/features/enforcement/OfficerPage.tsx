import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { EditOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Certificate } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { countyToday } from '../../lib/dates';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { enforcementApi, enforcementKeys } from './api';
import { useOfficerActions } from './OfficerActions';
import { DomainTags, OfficerStatusTag, ValidUntil } from './Tags';

/** One 执法人员: details, standing, and every certificate held (newest first); 换证, 调离 and 编辑. */
export function OfficerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const canManage = usePermission('enforcement.teams');
  const detail = useQuery({
    queryKey: enforcementKeys.officer(id),
    queryFn: ({ signal }) => enforcementApi.officer(id, signal),
    enabled: !!id,
  });
  const actions = useOfficerActions(
    () => queryClient.refetchQueries({ queryKey: enforcementKeys.officer(id) }),
    () => (detail.data ? { officer: detail.data.data.officer, etag: detail.data.etag } : undefined),
  );
  if (detail.isPending || detail.isError) return <RecordStatus error={detail.error} />;
  const { officer: o, certificates } = detail.data.data;
  const today = countyToday();
  const current = o.certificate?.id;

  return (
    <>
      <PageHeader
        title={<span data-testid="officer-title">{o.name}</span>}
        subtitle={<OfficerStatusTag status={o.status} />}
        extra={
          <Space wrap>
            {canManage && o.status !== 'left' ? (
              <>
                <Button
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => actions.open('renew', o)}
                  data-testid="officer-renew"
                >
                  {t('enforcement.officers.renew')}
                </Button>
                <Button icon={<EditOutlined />} onClick={() => actions.open('edit', o)} data-testid="officer-edit">
                  {t('enforcement.officers.edit')}
                </Button>
                <Button
                  danger
                  icon={<LogoutOutlined />}
                  onClick={() => actions.open('leave', o)}
                  data-testid="officer-leave"
                >
                  {t('enforcement.officers.leave')}
                </Button>
              </>
            ) : null}
            <Link to={`/enforcement/teams/${o.teamId}`}>{t('enforcement.officers.backToTeam')}</Link>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="officer-detail">
          <Descriptions.Item label={t('enforcement.officers.domains')}>
            <DomainTags names={o.domainNames} />
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.officers.phone')}>{o.phone ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item
            label={t('enforcement.certificate.number')}>{o.certificate?.number ?? t('common.none')}</Descriptions.Item
          >
          <Descriptions.Item label={t('enforcement.certificate.validUntil')}>
            <ValidUntil officer={o} />
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.officers.joinedOn')}>{o.joinedOn}</Descriptions.Item>
          {o.leftOn ? (
            <Descriptions.Item label={t('enforcement.officers.leftOn')}>
              {o.leftOn}
              {o.leftReason ? `（${o.leftReason}）` : null}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('enforcement.certificate.history')}>
        <Table<Certificate>
          dataSource={certificates}
          rowKey="id"
          pagination={false}
          size="middle"
          data-testid="officer-certificates"
          columns={[
            { title: t('enforcement.certificate.number'), dataIndex: 'number' },
            { title: t('enforcement.certificate.issuingBody'), dataIndex: 'issuingBody' },
            { title: t('enforcement.certificate.validFrom'), dataIndex: 'validFrom' },
            { title: t('enforcement.certificate.validUntil'), dataIndex: 'validUntil' },
            {
              title: t('enforcement.certificate.state'),
              key: 'state',
              render: (_: unknown, c) =>
                c.id === current && o.status !== 'left' ? (
                  <Tag color="blue">{t('enforcement.certificate.current')}</Tag>
                ) : c.validFrom > today ? (
                  <Tag>{t('enforcement.certificate.future')}</Tag>
                ) : c.validUntil < today ? (
                  <Tag>{t('enforcement.certificate.ended')}</Tag>
                ) : null,
            },
          ]}
        />
      </Card>
      {canManage ? actions.modals : null}
    </>
  );
}
