import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnforcementTeam } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { TownshipSelect } from '../../components/TownshipSelect';
import { enforcementApi } from './api';
import { useRequiredRule } from './formRules';

interface Values {
  townshipId?: string;
  name?: string;
  population?: number | null;
  leaderName?: string;
  phone?: string;
  address?: string;
}

const blank = (s: string | undefined) => s?.trim() || null;


/** The fields a team has beside its township (the name only when editing: a new team is named after its township). */
function TeamFields({ withName }: { withName: boolean }) {
  const { t } = useTranslation();
  const requiredRule = useRequiredRule();
  return (
    <>
      {withName ? (
        <Form.Item
          name="name"
          label={t('enforcement.teams.name')}
          rules={[requiredRule(t('enforcement.teams.name'), true)]}
        >
          <Input maxLength={100} data-testid="team-name" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="population"
        label={t('enforcement.teams.population')}
        extra={t('enforcement.teams.populationHint')}
        rules={[requiredRule(t('enforcement.teams.population'))]}
      >
        <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid="team-population" />
      </Form.Item>
      <Form.Item name="leaderName" label={t('enforcement.teams.leader')}>
        <Input maxLength={50} data-testid="team-leader" />
      </Form.Item>
      <Form.Item name="phone" label={t('enforcement.teams.phone')}>
        <Input maxLength={30} data-testid="team-phone" />
      </Form.Item>
      <Form.Item name="address" label={t('enforcement.teams.address')}>
        <Input maxLength={200} data-testid="team-address" />
      </Form.Item>
    </>
  );
}

const FIELDS = ['townshipId', 'name', 'population', 'leaderName', 'phone', 'address'] as const;

/** 组建: a township's 综合行政执法大队 (one per township). */
export function CreateTeamModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (team: EnforcementTeam) => void;
}) {
  const { t } = useTranslation();
  const requiredRule = useRequiredRule();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      enforcementApi.createTeam({
        townshipId: v.townshipId ?? null,
        population: v.population ?? null,
        leaderName: blank(v.leaderName),
        phone: blank(v.phone),
        address: blank(v.address),
      }),
    onSuccess: ({ data }) => onCreated(data),
    fields: FIELDS,
    codeFields: { 'enforcement.team_exists': 'townshipId' },
  });
  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="createTeam"
      title={t('enforcement.teams.createTitle')}
      okText={t('enforcement.teams.create')}
      startOnOpen
      okButtonProps={{ 'data-testid': 'team-create-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="team-create-modal"
    >
      <Form.Item
        name="townshipId"
        label={t('enforcement.teams.township')}
        rules={[requiredRule(t('enforcement.teams.township'))]}
      >
        <TownshipSelect testId="team-township" />
      </Form.Item>
      <TeamFields withName={false} />
    </FormModal>
  );
}

/** A team's name, leader, contacts and population (If-Match: a 412 offers to reload). */
export function EditTeamModal({
  team,
  etag,
  open,
  onClose,
  onSaved,
  onReload,
}: {
  team: EnforcementTeam;
  etag: string;
  open: boolean;
  onClose: () => void;
  onSaved: (team: EnforcementTeam) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      enforcementApi.updateTeam(
        team.id,
        {
          name: blank(v.name),
          population: v.population ?? null,
          leaderName: blank(v.leaderName),
          phone: blank(v.phone),
          address: blank(v.address),
        },
        etag,
      ),
    onSuccess: ({ data }) => onSaved(data),
    fields: FIELDS,
    onReload,
  });
  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="editTeam"
      title={t('enforcement.teams.editTitle', { name: team.name })}
      startOnOpen={() => ({
        name: team.name,
        population: team.population,
        leaderName: team.leaderName ?? undefined,
        phone: team.phone ?? undefined,
        address: team.address ?? undefined,
      })}
      okButtonProps={{ 'data-testid': 'team-edit-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="team-edit-modal"
    >
      <TeamFields withName />
    </FormModal>
  );
}
