import { useState } from 'react';
import { App as AntApp, Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Campaign } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { staffingApi, staffingKeys } from './api';
import { CreateCampaignModal } from './CreateCampaignModal';

/** 选派批次: the campaigns in scope, newest first; 发布选派公告 for the staffing office. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: staffingKeys.campaigns, queryFn: ({ signal }) => staffingApi.campaigns(signal) });

  return (
    <>
      <PageHeader
        title={t('staffing.nav.campaigns')}
        subtitle={t('staffing.secondment.campaigns.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
              {t('staffing.secondment.campaigns.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        {list.isError ? <ProblemAlert error={list.error} /> : null}
        <Table<Campaign>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          data-testid="campaign-table"
          columns={[
            {
              title: t('staffing.secondment.campaigns.name'),
              dataIndex: 'name',
              render: (v: string, c) => (
                <Link to={`/staffing/campaigns/${c.id}`} data-testid="campaign-link">
                  {v}
                </Link>
              ),
            },
            { title: t('staffing.secondment.campaigns.year'), dataIndex: 'year', width: 80 },
            {
              title: t('staffing.secondment.campaigns.state'),
              dataIndex: 'state',
              render: (_: unknown, c) => <Tag color={c.state === 'hired' ? 'default' : 'processing'}>{c.stateName}</Tag>,
            },
            {
              title: t('staffing.secondment.campaigns.totalPosts'),
              key: 'posts',
              align: 'right',
              render: (_: unknown, c) => c.posts.reduce((s, p) => s + p.posts, 0),
            },
            { title: t('staffing.secondment.campaigns.registrations'), dataIndex: 'registrations', align: 'right' },
            { title: t('staffing.secondment.campaigns.qualified'), dataIndex: 'qualified', align: 'right' },
            {
              title: t('staffing.secondment.campaigns.publicity'),
              key: 'publicity',
              render: (_: unknown, c) => (c.publicityFrom ? `${formatDate(c.publicityFrom)} – ${formatDate(c.publicityUntil)}` : ''),
            },
          ]}
        />
      </Card>
      <CreateCampaignModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void message.success(t('staffing.secondment.campaigns.created'));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
          void navigate(`/staffing/campaigns/${c.id}`);
        }}
      />
    </>
  );
}
