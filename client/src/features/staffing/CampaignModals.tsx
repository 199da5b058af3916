import { useEffect, useState } from 'react';
import { Form, Input, Radio, Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  Campaign,
  CampaignAction,
  CampaignPost,
  Objection,
  RankedCandidate,
  Registration,
} from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { staffingApi, staffingKeys } from './api';
import { isDangerCampaignAction, postsLeftOf } from './secondment';

/** A stage of the campaign (with If-Match and an optional note); a 412 offers the reload. */
export function CampaignActionModal({
  campaign,
  etag,
  action,
  onClose,
  onDone,
  onReload,
}: {
  campaign: Campaign;
  etag: string;
  action: CampaignAction | undefined;
  onClose: () => void;
  onDone: (c: Campaign) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const send = useFormSend(form, {
    send: (v: { note?: string }) => staffingApi.campaignAction(campaign.id, action!, { note: v.note?.trim() || null }, etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['note'],
    onReload,
  });
  const label = action ? t(`staffing.secondment.actions.${action}`) : '';
  return (
    <FormModal<{ note?: string }>
      open={!!action}
      form={form}
      send={send}
      name="campaign-action"
      startOnOpen
      title={label}
      okText={label || undefined}
      okButtonProps={{ danger: !!action && isDangerCampaignAction(action), 'data-testid': 'campaign-action-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="campaign-action-modal"
    >
      <Form.Item name="note" label={t('staffing.secondment.campaigns.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="campaign-action-note" />
      </Form.Item>
    </FormModal>
  );
}

/** People on the ledger found by the start of a name or a whole ID number (serving only). */
function PersonSearch({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const query = { q: q || undefined, state: 'serving' as const };
  const people = useQuery({
    queryKey: staffingKeys.people(query),
    queryFn: ({ signal }) => staffingApi.people({ ...query, limit: 20 }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={t('staffing.secondment.registrations.personPlaceholder')}
      loading={people.isFetching}
      options={(q ? (people.data?.items ?? []) : []).map((p) => ({
        value: p.id,
        label: `${p.name}（${p.unitName}，${p.idNumber}）`,
      }))}
      data-testid="register-person"
      style={{ width: '100%' }}
    />
  );
}

/** 报名: one person of the ledger; a refusal (not eligible, barred, already registered) is the API's own words. */
export function RegisterModal({
  campaignId,
  open,
  onClose,
  onDone,
}: {
  campaignId: string;
  open: boolean;
  onClose: () => void;
  onDone: (r: Registration) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId?: string }>();
  const send = useFormSend(form, {
    send: (v: { personId?: string }) => staffingApi.register(campaignId, v.personId ?? ''),
    onSuccess: onDone,
    fields: ['personId'],
  });
  return (
    <FormModal<{ personId?: string }>
      open={open}
      form={form}
      send={send}
      name="register"
      startOnOpen
      title={t('staffing.secondment.registrations.register')}
      okText={t('staffing.secondment.registrations.register')}
      okButtonProps={{ 'data-testid': 'register-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="register-modal"
    >
      <Form.Item
        name="personId"
        label={t('staffing.secondment.registrations.person')}
        rules={[{ required: true, message: t('staffing.form.required', { field: t('staffing.secondment.registrations.person') }) }]}
      >
        <PersonSearch />
      </Form.Item>
    </FormModal>
  );
}

/** 资格审核不通过, with the reason. */
export function DisqualifyModal({
  campaignId,
  registration,
  onClose,
  onDone,
}: {
  campaignId: string;
  registration: Registration | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const send = useFormSend(form, {
    send: (v: { reason?: string }) =>
      staffingApi.qualify(campaignId, registration!.id, { qualified: false, reason: v.reason?.trim() || null }),
    onSuccess: onDone,
    fields: ['reason'],
  });
  return (
    <FormModal<{ reason?: string }>
      open={!!registration}
      form={form}
      send={send}
      name="disqualify"
      startOnOpen
      title={t('staffing.secondment.registrations.disqualifyTitle', { name: registration?.name ?? '' })}
      okText={t('staffing.secondment.registrations.disqualify')}
      okButtonProps={{ danger: true, 'data-testid': 'disqualify-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="disqualify-modal"
    >
      <Form.Item
        name="reason"
        label={t('staffing.secondment.registrations.reason')}
        rules={[{ required: true, whitespace: true, message: t('staffing.secondment.registrations.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="disqualify-reason" />
      </Form.Item>
    </FormModal>
  );
}

export function postLabel(p: Pick<CampaignPost, 'townshipName' | 'workAreaName'>): string {
  return `${p.townshipName} · ${p.workAreaName}`;
}

/** 选岗 for the candidate whose turn it is, among the posts with room; 409 names whose turn it really is. */
export function ChooseModal({
  campaignId,
  candidate,
  posts,
  onClose,
  onDone,
}: {
  campaignId: string;
  candidate: RankedCandidate | undefined;
  posts: readonly CampaignPost[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ postId?: string }>();
  const send = useFormSend(form, {
    send: (v: { postId?: string }) => staffingApi.choose(campaignId, { registrationId: candidate!.registrationId, postId: v.postId ?? null }),
    onSuccess: onDone,
    fields: ['postId'],
  });
  return (
    <FormModal<{ postId?: string }>
      open={!!candidate}
      form={form}
      send={send}
      name="choose"
      startOnOpen
      title={t('staffing.secondment.ranking.chooseTitle', { name: candidate?.name ?? '' })}
      okText={t('staffing.secondment.ranking.choose')}
      okButtonProps={{ 'data-testid': 'choose-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="choose-modal"
    >
      <Form.Item name="postId" rules={[{ required: true, message: t('staffing.secondment.ranking.postRequired') }]}>
        <Radio.Group
          data-testid="choose-post"
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={posts.map((p) => ({
            value: p.id,
            label: `${postLabel(p)}（${t('staffing.secondment.campaigns.left')} ${postsLeftOf(p)}）`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 公示期间的异议: its content and, optionally, whom it concerns. */
export function ObjectionModal({
  campaignId,
  open,
  candidates,
  onClose,
  onDone,
}: {
  campaignId: string;
  open: boolean;
  candidates: readonly RankedCandidate[];
  onClose: () => void;
  onDone: (o: Objection) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ registrationId?: string; content?: string }>();
  const send = useFormSend(form, {
    send: (v: { registrationId?: string; content?: string }) =>
      staffingApi.object(campaignId, { registrationId: v.registrationId ?? null, content: v.content?.trim() || null }),
    onSuccess: onDone,
    fields: ['registrationId', 'content'],
  });
  return (
    <FormModal<{ registrationId?: string; content?: string }>
      open={open}
      form={form}
      send={send}
      name="objection"
      startOnOpen
      title={t('staffing.secondment.objections.record')}
      okText={t('staffing.secondment.objections.record')}
      okButtonProps={{ 'data-testid': 'objection-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="objection-modal"
    >
      <Form.Item name="registrationId" label={t('staffing.secondment.objections.registration')}>
        <Select
          allowClear
          data-testid="objection-registration"
          options={candidates.filter((c) => c.chosenPostId).map((c) => ({ value: c.registrationId, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('staffing.secondment.objections.content')}
        rules={[{ required: true, whitespace: true, message: t('staffing.form.required', { field: t('staffing.secondment.objections.content') }) }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="objection-content" />
      </Form.Item>
    </FormModal>
  );
}

/** 异议处理: upheld (the candidate is removed) or not, with the reasons. */
export function DecideModal({
  campaignId,
  objection,
  onClose,
  onDone,
}: {
  campaignId: string;
  objection: Objection | undefined;
  onClose: () => void;
  onDone: (o: Objection) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ upheld?: boolean; decision?: string }>();
  const send = useFormSend(form, {
    send: (v: { upheld?: boolean; decision?: string }) =>
      staffingApi.decide(campaignId, objection!.id, { upheld: v.upheld ?? null, decision: v.decision?.trim() || null }),
    onSuccess: onDone,
    fields: ['upheld', 'decision'],
  });
  return (
    <FormModal<{ upheld?: boolean; decision?: string }>
      open={!!objection}
      form={form}
      send={send}
      name="decide"
      startOnOpen
      title={t('staffing.secondment.objections.decideTitle')}
      okText={t('staffing.secondment.objections.decide')}
      okButtonProps={{ 'data-testid': 'decide-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="decide-modal"
    >
      <Form.Item name="upheld" rules={[{ required: true, message: t('staffing.form.required', { field: t('staffing.secondment.objections.result') }) }]}>
        <Radio.Group
          data-testid="decide-upheld"
          options={[
            { value: false, label: t('staffing.secondment.objections.rejected') },
            { value: true, label: t('staffing.secondment.objections.upheld') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="decision"
        label={t('staffing.secondment.objections.decision')}
        rules={[{ required: true, whitespace: true, message: t('staffing.form.required', { field: t('staffing.secondment.objections.decision') }) }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="decide-decision" />
      </Form.Item>
    </FormModal>
  );
}
