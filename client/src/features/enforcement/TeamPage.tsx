import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Row, Statistic } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EnforcementTeam, Officer, OfficerQuery } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { useCursorList } from '../../lib/useCursorList';
import { etagOf } from '../../lib/versions';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { CursorTable } from '../../components/CursorTable';
import { enforcementApi, enforcementKeys } from './api';
import { EditTeamModal } from './TeamModals';
import { AddOfficerModal } from './OfficerModals';
import { OfficerRowActions, useOfficerActions } from './OfficerActions';
import { StrengthTag } from './Tags';
import { useOfficerColumns } from './officerColumns';

/** The officers of a team (all of them, those who left included), as a table with their certificate and standing. */
function TeamOfficers({ team, canManage }: { team: EnforcementTeam; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const officerColumns = useOfficerColumns();
  const query: Omit<OfficerQuery, 'cursor'> = { teamId: team.id };
  const list = useCursorList<Officer>(enforcementKeys.officers(query), (cursor, signal) =>
    enforcementApi.officers({ ...query, cursor, limit: 100 }, signal),
  );
  const actions = useOfficerActions(
    () => queryClient.refetchQueries({ queryKey: enforcementKeys.officers(query) }),
    (id) => {
      const officer = list.items.find((o) => o.id === id);
      return officer ? { officer } : undefined;
    },
  );
  return (
    <Card
      title={t('enforcement.officers.title')}
      extra={
        canManage ? (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="officer-add">
            {t('enforcement.officers.add')}
          </Button>
        ) : null
      }
    >
      <CursorTable<Officer>
        list={list}
        rowKey="id"
        size="middle"
        data-testid="officer-table"
        columns={[
          ...officerColumns,
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, o: Officer) => (
                    <OfficerRowActions officer={o} onAction={(a) => actions.open(a, o)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage ? (
        <>
          <AddOfficerModal
            team={team}
            open={adding}
            onClose={() => setAdding(false)}
            onAdded={(d) => {
              setAdding(false);
              void message.success(t('enforcement.officers.added', { name: d.officer.name }));
              void queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
            }}
          />
          {actions.modals}
        </>
      ) : null}
    </Card>
  );
}

/** One 综合行政执法大队: its details and strength, and its officers with 添加, 换证 and 调离. */
export function TeamPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('enforcement.teams');
  const [editing, setEditing] = useState(false);
  const team = useQuery({
    queryKey: enforcementKeys.team(id),
    queryFn: ({ signal }) => enforcementApi.team(id, signal),
    enabled: !!id,
  });
  if (team.isPending || team.isError) return <RecordStatus error={team.error} />;
  const { data: x, etag } = team.data;
  const s = x.strength;

  return (
    <>
      <PageHeader
        title={<span data-testid="team-title">{x.name}</span>}
        subtitle={<StrengthTag strength={s} />}
        extra={
          <>
            {canManage ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="team-edit">
                {t('enforcement.teams.edit')}
              </Button>
            ) : null}
            <Link to="/enforcement/teams">{t('enforcement.teams.back')}</Link>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="team-detail">
          <Descriptions.Item label={t('enforcement.teams.township')}>{x.townshipName}</Descriptions.Item>
          <Descriptions.Item
            label={t('enforcement.teams.population')}>{x.population.toLocaleString('zh-CN')}</Descriptions.Item
          >
          <Descriptions.Item
            label={t('enforcement.teams.leader')}>{x.leaderName ?? t('common.none')}</Descriptions.Item
          >
          <Descriptions.Item label={t('enforcement.teams.phone')}>{x.phone ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.teams.address')} span={2}>
            {x.address ?? t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          { key: 'required', value: s.required, danger: false },
          { key: 'certified', value: s.certified, danger: !s.sufficient },
          { key: 'serving', value: s.serving, danger: false },
          { key: 'expiring', value: s.expiring, danger: false, warn: s.expiring > 0 },
          { key: 'expired', value: s.expired, danger: s.expired > 0 },
        ].map((c) => (
          <Col xs={12} md={4} key={c.key}>
            <Card size="small">
              <Statistic
                title={t(`enforcement.teams.${c.key as 'required'}`)}
                value={c.value}
                styles={{ content: { color: c.danger ? '#cf1322' : c.warn ? '#d46b08' : undefined } }}
                data-testid={`team-strength-${c.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <TeamOfficers team={x} canManage={canManage} />
      {canManage ? (
        <EditTeamModal
          team={x}
          etag={etag ?? etagOf(x.version)}
          open={editing}
          onClose={() => setEditing(false)}
          onReload={() => team.refetch()}
          onSaved={(after) => {
            setEditing(false);
            void message.success(t('enforcement.teams.saved', { name: after.name }));
            void queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
          }}
        />
      ) : null}
    </>
  );
}
