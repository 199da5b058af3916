import { useEffect, useState } from 'react';
import { App as AntApp, Checkbox, Flex, Form, Input, Radio, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  FileExclamationOutlined,
  FileDoneOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Application, ApplicationAction, DeliveryMethod } from '../../lib/api/types';
import { isApiProblem, isStaleRecord } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleRecordAlert } from '../../components/StaleRecordAlert';
import { ActionButtons } from '../../components/ActionButtons';
import { FormModal } from '../../components/FormModal';
import { applicationsApi } from './api';
import {
  actionBody,
  actionSpec,
  allowedActionsOf,
  initialActionValues,
  needsTrackingNumber,
  visibleActions,
  DELIVERY_METHODS,
  OUTCOMES,
  type ActionValues,
} from './model';
import { notReceived } from './materials';

const ICONS: Record<ApplicationAction, React.ReactNode> = {
  accept: <CheckOutlined />,
  refuse: <CloseCircleOutlined />,
  suspend: <FileExclamationOutlined />,
  resume: <FileDoneOutlined />,
  complete: <CheckCircleOutlined />,
  deliver: <SendOutlined />,
  forward: <UploadOutlined />,
};

const FORM_FIELDS = ['note', 'outcome', 'deliveryMethod', 'trackingNumber', 'visit', 'missingMaterials'] as const;

/** What happened after a 409: the application moved on and these are the steps possible now. */
function MovedNotice({ problem }: { problem: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(problem) || problem.status !== 409) return null;
  const moved = allowedActionsOf(problem.extensions);
  return (
    <Typography.Paragraph type="secondary" data-testid="application-moved">
      {t('applications.action.invalidTransition', {
        actions:
          moved.length > 0 ? moved.map((a) => t(`applications.actions.${a}`)).join('、') : t('applications.panel.none'),
      })}
    </Typography.Paragraph>
  );
}

interface ActionModalProps {
  application: Application;
  action: ApplicationAction | null;
  etag: string;
  onClose: () => void;
  onDone: (next: Application, etag: string | null) => void;
  onReload: () => Promise<unknown>;
}

/**
 * The form of one step: the reason (不予受理), the missing materials (补正: ticked from the checklist, or written),
 * 准予/不予, pickup/post, 申请人到场.
 */
export function ActionModal({ action, ...props }: ActionModalProps) {
  // mounted for each step afresh: the step's own initial values, no problem left from the last one
  return action ? <ActionForm action={action} {...props} /> : null;
}

function ActionForm({
  application,
  action,
  etag,
  onClose,
  onDone,
  onReload,
}: ActionModalProps & { action: ApplicationAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const method = Form.useWatch('deliveryMethod', form) as DeliveryMethod | undefined;
  // after a 412 what was typed is kept: once reloaded the same form is sent again with the new ETag
  const send = useFormSend(form, {
    send: (v: ActionValues) => applicationsApi.act(application.id, action, actionBody(action, v), etag),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    fields: FORM_FIELDS,
    onReload,
  });

  const spec = actionSpec(action);
  const actionName = t(`applications.actions.${action}`);
  const noteLabel =
    spec.noteKind === 'reason'
      ? t('applications.action.reason')
      : spec.noteKind === 'materials'
        ? t('applications.action.materials')
        : t('applications.action.remark');
  const noteMessage =
    spec.noteKind === 'reason' ? t('applications.action.reasonRequired') : t('applications.action.materialsRequired');
  const missing = spec.materials ? notReceived(application.materials) : [];
  const noteRules = spec.noteRequired
    ? [{ required: true, whitespace: true, message: noteMessage }]
    : spec.materials
      ? [
          {
            validator: (_: unknown, value: string | undefined) =>
              value?.trim() || (form.getFieldValue('missingMaterials') as string[] | undefined)?.length
                ? Promise.resolve()
                : Promise.reject(new Error(t('applications.materials.noteOrMaterials'))),
          },
        ]
      : [];

  return (
    <FormModal
      open
      form={form}
      send={send}
      name="application-action"
      initialValues={initialActionValues(action)}
      title={t('applications.action.title', { action: actionName, item: application.itemName })}
      okText={actionName}
      okButtonProps={{ danger: spec.danger, size: 'large', 'data-testid': 'application-action-submit' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="application-action-modal"
    >
      <MovedNotice problem={send.problem} />
      {action === 'forward' ? (
        <Typography.Paragraph type="secondary" data-testid="application-forward-hint">
          {t('applications.action.forwardHint')}
        </Typography.Paragraph>
      ) : null}
      {spec.outcome ? (
        <Form.Item name="outcome" label={t('applications.action.outcome')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="action-outcome">
            {OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o}>
                <span data-testid={`action-outcome-${o}`}>{t(`applications.outcomes.${o}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      ) : null}
      {spec.delivery ? (
        <Form.Item name="deliveryMethod" label={t('applications.action.deliveryMethod')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="action-delivery">
            {DELIVERY_METHODS.map((m) => (
              <Radio.Button key={m} value={m}>
                <span data-testid={`action-delivery-${m}`}>{t(`applications.deliveryMethods.${m}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      ) : null}
      {needsTrackingNumber(action, method) ? (
        <Form.Item
          name="trackingNumber"
          label={t('applications.action.trackingNumber')}
          rules={[{ required: true, whitespace: true, message: t('applications.action.trackingRequired') }]}
        >
          <Input maxLength={40} data-testid="action-tracking" />
        </Form.Item>
      ) : null}
      {missing.length > 0 ? (
        <Form.Item name="missingMaterials" label={t('applications.materials.missingToRequest')}>
          <Checkbox.Group data-testid="action-missing-materials">
            <Flex vertical gap={4}>
              {missing.map((m) => (
                <Checkbox key={m.name} value={m.name}>
                  <span data-testid="action-missing-material">
                    {m.name}
                    {m.required ? `（${t('applications.materials.required')}）` : ''}
                  </span>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      ) : null}
      <Form.Item
        name="note"
        label={noteLabel}
        rules={noteRules}
        dependencies={spec.materials ? ['missingMaterials'] : []}
      >
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: spec.noteRequired || spec.materials ? 3 : 2 }}
          placeholder={spec.noteKind === 'materials' ? t('applications.action.materialsPlaceholder') : undefined}
          data-testid="action-note"
        />
      </Form.Item>
      {spec.visit !== null ? (
        <Form.Item name="visit" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="action-visit">{t('applications.action.visit')}</Checkbox>
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/**
 * The steps this user may take on an application now: one big button per entry of the API's allowedActions (nothing
 * else). 受理 goes at once; the other steps ask for what they need in a small form. A 412 (someone else moved it)
 * offers a reload, a 409 says what is possible now.
 */
export function ActionPanel({
  application,
  etag,
  onChanged,
  onReload,
  size = 'large',
  showNone = false,
}: {
  application: Application;
  etag: string;
  onChanged: (next: Application, etag: string | null) => void;
  onReload: () => Promise<unknown>;
  size?: 'large' | 'middle';
  showNone?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const actions = visibleActions(application);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- clears the last problem and stale flag when another application is shown
    setProblem(null);
    setStale(false);
  }, [application.id]);

  const done = (act: ApplicationAction, next: Application, nextEtag: string | null) => {
    void message.success(t('applications.action.done', { action: t(`applications.actions.${act}`) }));
    onChanged(next, nextEtag);
  };

  const quick = useMutation({
    mutationFn: (act: ApplicationAction) => applicationsApi.act(application.id, act, actionBody(act, {}), etag),
    onSuccess: ({ data, etag: next }, act) => {
      setProblem(null);
      setStale(false);
      done(act, data, next);
    },
    onError: (e) => {
      if (isStaleRecord(e)) {
        setStale(true);
        setProblem(null);
      } else {
        setProblem(e);
      }
    },
  });

  return (
    <div data-testid="application-actions">
      {stale ? <StaleRecordAlert onReload={onReload} onReloaded={() => setStale(false)} /> : null}
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 12 }} /> : null}
      <MovedNotice problem={problem} />
      {actions.length === 0 ? (
        showNone ? (
          <Typography.Text type="secondary" data-testid="application-no-actions">
            {t('applications.panel.none')}
          </Typography.Text>
        ) : null
      ) : (
        <Flex gap={8} wrap>
          <ActionButtons
            actions={actions}
            label={(act) => t(`applications.actions.${act}`)}
            danger={(act) => actionSpec(act).danger}
            icon={(act) => ICONS[act]}
            size={size}
            pending={quick.isPending ? quick.variables : undefined}
            testIdPrefix="application-action-"
            onAction={(act) => {
              setProblem(null);
              if (actionSpec(act).immediate) quick.mutate(act);
              else setAction(act);
            }}
          />
        </Flex>
      )}
      <ActionModal
        application={application}
        action={action}
        etag={etag}
        onClose={() => setAction(null)}
        onReload={onReload}
        onDone={(next, nextEtag) => {
          const act = action;
          setAction(null);
          if (act) done(act, next, nextEtag);
        }}
      />
    </div>
  );
}
