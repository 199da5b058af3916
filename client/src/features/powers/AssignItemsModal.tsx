import { useEffect, useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, type ButtonProps } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExerciseMode, ListKind, TownshipEntry } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { ItemSelect } from './ItemSelect';
import { useTownshipsOf } from './hooks';
import { countyToday } from '../../lib/dates';
import { EXERCISE_MODES, LIST_KINDS } from './model';

interface FormValues {
  townshipIds: string[];
  itemIds: string[];
  mode: ExerciseMode;
  listKind: ListKind;
  decisionNo?: string;
  agreementId?: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  note?: string;
}

const FIELDS = ['townshipIds', 'itemIds', 'mode', 'listKind', 'decisionNo', 'agreementId', 'effectiveFrom', 'effectiveTo', 'note'] as const;

interface Props {
  open: boolean;
  countyId: string | undefined;
  /** The township whose list is open (preselected). */
  townshipId: string;
  onClose: () => void;
  onAssigned: (entries: TownshipEntry[]) => void;
}

/** The 409 powers.entry_overlap: which township already has which item in the period. */
function OverlapAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(error)) return null;
  const overlaps = error.stringList('overlaps');
  return (
    <Alert
      type="error"
      showIcon
      data-testid="assign-overlap"
      style={{ marginBottom: 16 }}
      title={error.title}
      description={
        <>
          <div>{error.displayMessage}</div>
          {overlaps.length > 0 ? (
            <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }} data-testid="assign-overlap-list">
              {overlaps.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          ) : null}
          <div style={{ marginTop: 8 }}>{t('powers.assign.overlapHint')}</div>
        </>
      }
    />
  );
}

/** 分配事项: items × townships, with a mode and list kind, from a date; all or nothing. */
export function AssignItemsModal({ open, countyId, townshipId, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const townships = useTownshipsOf(countyId);
  const mode = Form.useWatch('mode', form);
  const chosenTownships = Form.useWatch('townshipIds', form);
  const agreementTownship = chosenTownships?.length === 1 ? chosenTownships[0] : undefined;

  const agreements = useQuery({
    queryKey: ['powers', 'agreements', 'for-assign', agreementTownship],
    queryFn: ({ signal }) => powersApi.agreements({ townshipId: agreementTownship, status: 'in_force', limit: 200 }, signal),
    enabled: open && mode === 'entrusted' && !!agreementTownship,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      townshipIds: [townshipId],
      itemIds: [],
      mode: 'statutory',
      listKind: 'basic',
      effectiveFrom: dayjs(countyToday()),
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- resets the local state each time the modal opens or the record changes (the component stays mounted)
    setProblem(null);
    // (only when the modal opens)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs only when the modal opens; the form and values are read at that moment
  }, [open]);

  const assign = useMutation({
    mutationFn: (v: FormValues) =>
      powersApi.assign({
        townshipIds: v.townshipIds,
        itemIds: v.itemIds,
        mode: v.mode,
        listKind: v.listKind,
        decisionNo: v.mode === 'granted' ? (v.decisionNo?.trim() ?? null) : null,
        agreementId: v.mode === 'entrusted' ? (v.agreementId ?? null) : null,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        effectiveTo: v.effectiveTo ? v.effectiveTo.format('YYYY-MM-DD') : null,
        note: v.note?.trim() || null,
      }),
    onSuccess: (entries) => onAssigned(entries),
    onError: (e) => setProblem(applyProblemToForm(form, e, FIELDS) ? null : e),
  });

  const isOverlap = isApiProblem(problem) && problem.code === 'powers.entry_overlap';

  return (
    <Modal
      open={open}
      width={820}
      title={t('powers.assign.title')}
      okText={t('powers.assign.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'assign-submit' } as ButtonProps}
      data-testid="assign-modal"
    >
      {isOverlap ? <OverlapAlert error={problem} /> : problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="assign-items"
        onFinish={(v) => {
          setProblem(null);
          assign.mutate(v);
        }}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('townshipIds' in changed || 'mode' in changed) form.setFieldValue('agreementId', undefined);
          if (isOverlap) setProblem(null);
        }}
      >
        <Form.Item
          name="itemIds"
          label={t('powers.assign.items')}
          rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.assign.items') }) }]}
        >
          <ItemSelect testId="assign-items" />
        </Form.Item>
        <Form.Item
          name="townshipIds"
          label={t('powers.assign.townships')}
          rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.assign.townships') }) }]}
        >
          <Select<string[]>
            mode="multiple"
            data-testid="assign-townships"
            showSearch={{ optionFilterProp: 'label' }}
            loading={townships.isPending && !!countyId}
            options={(townships.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="mode" label={t('powers.township.mode')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="assign-mode"
                optionType="button"
                options={EXERCISE_MODES.map((m) => ({ value: m, label: t(`powers.modes.${m}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="listKind" label={t('powers.township.listKind')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="assign-list-kind"
                optionType="button"
                options={LIST_KINDS.map((k) => ({ value: k, label: t(`powers.listKinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {mode === 'granted' ? (
          <Form.Item
            name="decisionNo"
            label={t('powers.assign.decisionNo')}
            rules={[{ required: true, whitespace: true, message: t('powers.form.required', { field: t('powers.assign.decisionNo') }) }]}
          >
            <Input maxLength={100} data-testid="assign-decision-no" placeholder={t('powers.assign.decisionNoPlaceholder')} />
          </Form.Item>
        ) : null}
        {mode === 'entrusted' ? (
          <Form.Item
            name="agreementId"
            label={t('powers.assign.agreement')}
            extra={agreementTownship ? undefined : t('powers.assign.agreementOneTownship')}
            rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.assign.agreement') }) }]}
          >
            <Select<string>
              data-testid="assign-agreement"
              disabled={!agreementTownship}
              loading={agreements.isFetching}
              options={(agreements.data?.items ?? []).map((a) => ({
                value: a.id,
                label: `${a.documentNo} · ${a.departmentName}（${a.startsOn} 至 ${a.endsOn}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="effectiveFrom"
              label={t('powers.assign.effectiveFrom')}
              rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.assign.effectiveFrom') }) }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="assign-effective-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="effectiveTo" label={t('powers.assign.effectiveToOptional')} extra={t('powers.assign.effectiveToHint')}>
              <DatePicker style={{ width: '100%' }} data-testid="assign-effective-to" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('powers.assign.noteOptional')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="assign-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
