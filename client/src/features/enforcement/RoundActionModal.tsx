import { Alert, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentRound, RoundAction } from '../../lib/api/types';
import { isApiProblem, type Tagged } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { roundActionsOf } from './assessmentModel';

interface Values {
  note?: string;
}

/** After a 409 (an invalid transition, or a condition such as 锁定 before the window ends): what is possible now. */
function MovedNotice({ problem }: { problem: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(problem) || problem.status !== 409) return null;
  if (!Array.isArray(problem.extensions.allowedActions)) return null;
  const now = roundActionsOf(problem.extensions);
  return (
    <Typography.Paragraph type="secondary" data-testid="round-moved">
      {t('enforcement.assessments.moved', {
        actions:
          now.length > 0
            ? now.map((a) => t(`enforcement.assessments.actions.${a}`)).join('、')
            : t('enforcement.assessments.none'),
      })}
    </Typography.Paragraph>
  );
}

interface Props {
  round: AssessmentRound;
  action: RoundAction;
  etag: string;
  onClose: () => void;
  onDone: (next: Tagged<AssessmentRound>) => void;
  onReload: () => Promise<unknown>;
}

/** 开始评分, 锁定 or 公布 with a note, posted with If-Match. */
export function RoundActionModal({ round, action, etag, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      enforcementApi.actRound(round.id, action, { note: v.note?.trim() ? v.note.trim() : null }, etag),
    onSuccess: onDone,
    fields: ['note'],
    onReload,
  });
  const name = t(`enforcement.assessments.actions.${action}`);
  return (
    <FormModal<Values>
      open
      form={form}
      send={send}
      name="round-action"
      title={t('enforcement.assessments.actionTitle', { action: name, title: round.title })}
      okText={name}
      okButtonProps={{ 'data-testid': 'round-action-submit' }}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      intro={
        <>
          <Alert
            type={action === 'open' ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`enforcement.assessments.actionIntro.${action}`)}
          />
          <MovedNotice problem={send.problem} />
        </>
      }
      data-testid="round-action-modal"
    >
      <Form.Item name="note" label={t('enforcement.assessments.fields.note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="round-action-note" />
      </Form.Item>
    </FormModal>
  );
}
