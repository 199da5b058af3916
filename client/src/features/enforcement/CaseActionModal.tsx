import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CaseAction, EnforcementCase, PenaltyKindCode } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { countyToday } from '../../lib/dates';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useBenchmarks, useCountyDepartments, useTeam, useTeamOfficers, useTownshipItems } from './hooks';
import {
  CoOwnerField,
  CorrectsField,
  EvidenceFileField,
  EvidenceKindField,
  OutcomeField,
  PreservedItemField,
} from './EvidenceFields';
import {
  benchmarkItemCode,
  coOwnerChoices,
  undecidedPreservations,
  caseActionBody,
  caseActionsOf,
  initialCaseValues,
  isDangerAction,
  itemsForAction,
  noteIsReason,
  ACTION_FIELDS,
  type CaseActionValues,
} from './caseModel';
import {
  DateField,
  DaysField,
  DegreeField,
  DeliveryMethodField,
  DepartmentField,
  ItemField,
  MajorReasonsField,
  OfficersField,
  PaidAmountField,
  PassedField,
  PenaltyFields,
  PresiderField,
  SevereHarmField,
  TextField,
} from './CaseActionFields';

/** After a 409 of an invalid transition: the case moved on and these are the steps possible now. */
export function CaseMovedNotice({ problem }: { problem: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(problem) || problem.status !== 409) return null;
  if (!Array.isArray(problem.extensions.allowedActions)) return null;
  const now = caseActionsOf(problem.extensions);
  return (
    <Typography.Paragraph type="secondary" data-testid="case-moved">
      {t('enforcement.cases.panel.moved', {
        actions:
          now.length > 0
            ? now.map((a) => t(`enforcement.cases.actions.${a}`)).join('、')
            : t('enforcement.cases.panel.none'),
      })}
    </Typography.Paragraph>
  );
}

interface Props {
  c: EnforcementCase;
  action: CaseAction | null;
  etag: string;
  onClose: () => void;
  onDone: (next: EnforcementCase, etag: string | null) => void;
  onReload: () => Promise<unknown>;
}

/** The form of one step of a case, posted with If-Match; mounted afresh for each step. */
export function CaseActionModal({ action, ...props }: Props) {
  return action ? <ActionForm action={action} {...props} /> : null;
}

function ActionForm({ c, action, etag, onClose, onDone, onReload }: Props & { action: CaseAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CaseActionValues>();
  const fields = ACTION_FIELDS[action];
  const has = (f: (typeof fields)[number]) => fields.includes(f);
  const send = useFormSend(form, {
    send: (v: CaseActionValues) => enforcementApi.act(c.id, action, caseActionBody(action, v), etag),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    fields,
    onReload,
  });

  // what the pickers need: the team's officers, the township's items, the county's 裁量基准 of the item
  const needsItems = has('itemId');
  const needsOfficers = has('officerIds') || has('presiderId');
  const team = useTeam(needsItems ? c.teamId : undefined);
  const items = useTownshipItems(team.data?.townshipId, needsItems);
  const officers = useTeamOfficers(c.teamId, needsOfficers);
  const departments = useCountyDepartments(action === 'transfer' || action === 'add_co_owner');
  const choices = itemsForAction(action, items.data ?? [], c.domain);
  const itemId = Form.useWatch('itemId', form) as string | undefined;
  const kinds = (Form.useWatch('penaltyKinds', form) as PenaltyKindCode[] | undefined) ?? [];
  const degreeCode = Form.useWatch('benchmarkDegree', form) as string | undefined;
  const itemCode = has('benchmarkDegree')
    ? benchmarkItemCode(action, c, choices.find((e) => e.itemId === itemId))
    : undefined;
  const degrees = useBenchmarks(itemCode);
  const degree = degrees.data?.find((d) => d.degree === degreeCode);
  const none = kinds.includes('none');

  const actionName = t(`enforcement.cases.actions.${action}`);
  const reason = noteIsReason(action);
  const text = (
    k: 'record' | 'opinion' | 'conclusion' | 'participants' | 'legalBasis' | 'statement' | 'hearingPlace',
  ) => t(`enforcement.cases.form.${k}`);

  return (
    <FormModal<CaseActionValues>
      open
      form={form}
      send={send}
      name="case-action"
      initialValues={initialCaseValues(action, c, dayjs(countyToday()))}
      title={t('enforcement.cases.action.title', { action: actionName, case: c.partyName ?? c.place })}
      okText={actionName}
      okButtonProps={{ danger: isDangerAction(action), 'data-testid': 'case-action-submit' }}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      intro={<CaseMovedNotice problem={send.problem} />}
      data-testid="case-action-modal"
    >
      {needsItems ? (
        <ItemField items={choices} loading={team.isPending || items.isPending} required={action !== 'transfer'} />
      ) : null}
      {action === 'transfer' ? (
        <>
          <Typography.Paragraph type="secondary">{t('enforcement.cases.form.transferHint')}</Typography.Paragraph>
          <DepartmentField departments={departments.data ?? []} />
        </>
      ) : null}
      {has('sha256') ? <EvidenceFileField /> : null}
      {has('kind') ? <EvidenceKindField /> : null}
      {has('title') ? (
        <TextField
          name="title"
          label={t('enforcement.cases.form.evidenceTitle')}
          required
          max={200}
          rows={1}
          testId="case-evidence-name"
        />
      ) : null}
      {has('fileName') ? (
        <TextField name="fileName" label={t('enforcement.cases.form.fileName')} required max={255} rows={1} />
      ) : null}
      {has('collectedOn') ? (
        <DateField name="collectedOn" label={t('enforcement.cases.form.collectedOn')} required={false} />
      ) : null}
      {has('correctsId') ? <CorrectsField evidence={c.evidence} /> : null}
      {has('evidenceId') ? (
        <>
          <Typography.Paragraph type="secondary">{t('enforcement.cases.form.preservationHint')}</Typography.Paragraph>
          <PreservedItemField items={undecidedPreservations(c.evidence)} />
        </>
      ) : null}
      {has('outcome') ? <OutcomeField /> : null}
      {has('decidedOn') ? (
        <DateField name="decidedOn" label={t('enforcement.cases.form.decidedOn')} required={false} />
      ) : null}
      {has('unitId') ? (
        <CoOwnerField units={coOwnerChoices(departments.data ?? [], c)} loading={departments.isPending} />
      ) : null}
      {has('officerIds') ? (
        <OfficersField officers={officers.data ?? []} loading={officers.isPending} domain={c.domain} />
      ) : null}
      {has('severeHarm') ? <SevereHarmField /> : null}
      {has('penaltyKinds') ? <PenaltyFields action={action} kinds={kinds} degree={degree} /> : null}
      {has('benchmarkDegree') && !none ? (
        <DegreeField
          degrees={degrees.data ?? []}
          loading={!!itemCode && degrees.isPending}
          itemChosen={!!itemCode}
          required={kinds.includes('fine')}
        />
      ) : null}
      {has('noPenaltyReason') && none ? (
        <TextField name="noPenaltyReason" label={t('enforcement.cases.form.noPenaltyReason')} required max={1000} />
      ) : null}
      {has('majorReasons') ? <MajorReasonsField /> : null}
      {has('requestedOn') ? <DateField name="requestedOn" label={t('enforcement.cases.form.requestedOn')} /> : null}
      {has('hearingOn') ? <DateField name="hearingOn" label={t('enforcement.cases.form.hearingOn')} future /> : null}
      {has('presiderId') ? <PresiderField officers={officers.data ?? []} loading={officers.isPending} c={c} /> : null}
      {has('place') ? <TextField name="place" label={text('hearingPlace')} required max={200} rows={1} /> : null}
      {has('record') ? <TextField name="record" label={text('record')} required max={4000} rows={4} /> : null}
      {has('days') ? <DaysField /> : null}
      {has('passed') ? <PassedField /> : null}
      {has('heldOn') ? <DateField name="heldOn" label={t('enforcement.cases.form.heldOn')} /> : null}
      {has('participants') ? <TextField name="participants" label={text('participants')} required max={500} /> : null}
      {has('opinion') ? (
        <TextField
          name="opinion"
          label={action === 'discuss' ? text('conclusion') : text('opinion')}
          required
          max={2000}
          rows={3}
        />
      ) : null}
      {has('legalBasis') ? (
        <TextField
          name="legalBasis"
          label={text('legalBasis')}
          max={1000}
          extra={t('enforcement.cases.form.legalBasisHint')}
        />
      ) : null}
      {has('statement') ? <TextField name="statement" label={text('statement')} max={4000} /> : null}
      {has('on') ? (
        <DateField
          name="on"
          label={action === 'deliver' ? t('enforcement.cases.form.deliveredOn') : t('enforcement.cases.form.paidOn')}
        />
      ) : null}
      {has('deliveryMethod') ? <DeliveryMethodField /> : null}
      {has('paidAmount') ? <PaidAmountField c={c} /> : null}
      {has('note') ? (
        <TextField
          name="note"
          label={reason ? t('enforcement.cases.form.reason') : t('enforcement.cases.form.note')}
          required={reason || (action === 'execute' && c.decision?.fine == null)}
          max={2000}
          rows={reason ? 3 : 2}
        />
      ) : null}
    </FormModal>
  );
}
