import { useState } from 'react';
import { App as AntApp, Button, Card, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { EnforcementTeam } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { enforcementKeys } from './api';
import { useTeams } from './hooks';
import { StrengthTag } from './Tags';
import { CreateTeamModal } from './TeamModals';

/** 执法队伍: each township's 综合行政执法大队 with today's strength against the minimum for its population. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = usePermission('enforcement.teams');
  const [creating, setCreating] = useState(false);
  const teams = useTeams();
  const count = (v: number, danger = false) =>
    danger && v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v;

  return (
    <>
      <PageHeader
        title={t('enforcement.nav.teams')}
        subtitle={t('enforcement.teams.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">
              {t('enforcement.teams.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        {teams.isError ? <ProblemAlert error={teams.error} style={{ marginBottom: 16 }} /> : null}
        <Table<EnforcementTeam>
          dataSource={teams.data ?? []}
          loading={teams.isPending}
          rowKey="id"
          pagination={false}
          size="middle"
          data-testid="team-table"
          columns={[
            { title: t('enforcement.teams.township'), dataIndex: 'townshipName' },
            {
              title: t('enforcement.teams.name'),
              dataIndex: 'name',
              render: (v: string, team) => (
                <Link to={`/enforcement/teams/${team.id}`} data-testid="team-link">
                  {v}
                </Link>
              ),
            },
            {
              title: t('enforcement.teams.population'),
              dataIndex: 'population',
              align: 'right',
              render: (v: number) => v.toLocaleString('zh-CN'),
            },
            {
              title: t('enforcement.teams.serving'),
              key: 'serving',
              align: 'right',
              render: (_: unknown, x) => x.strength.serving,
            },
            {
              title: t('enforcement.teams.certified'),
              key: 'certified',
              align: 'right',
              render: (_: unknown, x) => <span data-testid="team-certified">{x.strength.certified}</span>,
            },
            {
              title: t('enforcement.teams.expiring'),
              key: 'expiring',
              align: 'right',
              render: (_: unknown, x) => count(x.strength.expiring),
            },
            {
              title: t('enforcement.teams.expired'),
              key: 'expired',
              align: 'right',
              render: (_: unknown, x) => count(x.strength.expired, true),
            },
            {
              title: t('enforcement.teams.required'),
              key: 'required',
              align: 'right',
              render: (_: unknown, x) => x.strength.required,
            },
            {
              title: t('enforcement.teams.strength'),
              key: 'sufficient',
              render: (_: unknown, x) => <StrengthTag strength={x.strength} />,
            },
          ]}
        />
      </Card>
      {canManage ? (
        <CreateTeamModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(team) => {
            setCreating(false);
            void message.success(t('enforcement.teams.created', { name: team.name }));
            void queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
            void navigate(`/enforcement/teams/${team.id}`);
          }}
        />
      ) : null}
    </>
  );
}
