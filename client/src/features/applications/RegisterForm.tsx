import { useRef, useState } from 'react';
import { App as AntApp, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { PlusCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  ApplicantKind,
  Application,
  ApplicationChannel,
  ApplicationItemOption,
  ClerkWindow,
  RegisterApplicationRequest,
} from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applicationsApi } from './api';
import { ServiceItemSelect } from './ServiceItemSelect';
import { MaterialsChecklist } from './MaterialsChecklist';
import { initialTicks, materialChecks, type Tick } from './materials';
import {
  idNumberLabelKey,
  looksLikeIdentifier,
  registrationKey,
  APPLICANT_KINDS,
  WINDOW_CHANNELS,
  type PendingRegistration,
} from './model';
import { looksLikePhone } from '../../lib/phone';

interface Values {
  itemId?: string;
  channel?: ApplicationChannel;
  applicantKind?: ApplicantKind;
  applicantName?: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  note?: string;
}

const FORM_FIELDS = [
  'itemId',
  'channel',
  'applicantKind',
  'applicantName',
  'applicantIdNumber',
  'applicantPhone',
  'note',
] as const;

/**
 * 登记: the item (searched), the channel (窗口 by default; a village point always registers as 村代办点), the applicant and how
 * to reach them; the guide's materials ticked as received (原件/复印件) or missing (收件清单); at a window, the
 * visitor's ticket the clerk called (unless unticked). Every registration carries an
 * Idempotency-Key that stays the same while the same form is sent again, so a double click or a retry never registers
 * twice. The API's field errors land under the fields.
 */
export function RegisterForm({
  agent = false,
  clerkWindow,
  onRegistered,
}: {
  /** The village point's form: the channel is fixed to 村代办点. */
  agent?: boolean;
  /** The clerk's window and the ticket it is handling, which the application is registered for. */
  clerkWindow?: ClerkWindow | null;
  onRegistered: (application: Application, etag: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);
  const [item, setItemState] = useState<ApplicationItemOption | undefined>();
  const [ticks, setTicks] = useState<Tick[]>([]);
  const setItem = (next: ApplicationItemOption | undefined) => {
    setItemState(next);
    setTicks(initialTicks(next?.materials ?? []));
  };
  const pending = useRef<PendingRegistration | null>(null);
  /** The ticket the clerk unticked (a new ticket is linked again). */
  const [unlinked, setUnlinked] = useState<string | null>(null);
  const ticketId = clerkWindow?.ticketId && clerkWindow.ticketId !== unlinked ? clerkWindow.ticketId : null;
  const kind = (Form.useWatch('applicantKind', form) as ApplicantKind | undefined) ?? 'person';
  const defaultChannel: ApplicationChannel = agent ? 'village_point' : 'window';

  const register = useMutation({
    mutationFn: ({ body, key }: { body: RegisterApplicationRequest; key: string }) =>
      applicationsApi.register(body, key),
    onSuccess: ({ data, etag }) => {
      pending.current = null; // the next registration gets a new key
      setProblem(null);
      form.resetFields();
      setItem(undefined);
      void message.success(t('applications.register.submitted', { item: data.itemName }));
      onRegistered(data, etag);
    },
    onError: (e) => setProblem(applyProblemToForm(form, e, FORM_FIELDS) ? null : e),
  });

  const submit = (v: Values) => {
    const body: RegisterApplicationRequest = {
      itemId: v.itemId ?? null,
      channel: agent ? 'village_point' : (v.channel ?? 'window'),
      applicantKind: v.applicantKind ?? 'person',
      applicantName: v.applicantName?.trim() ?? null,
      applicantIdNumber: v.applicantIdNumber?.trim().toUpperCase() ?? null,
      applicantPhone: v.applicantPhone?.trim() ?? null,
      note: v.note?.trim() ? v.note.trim() : null,
      ...(ticketId ? { ticketId } : {}),
      ...(item?.materials.length ? { materials: materialChecks(item.materials, ticks) } : {}),
    };
    pending.current = registrationKey(pending.current, body);
    setProblem(null);
    register.mutate({ body, key: pending.current.key });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={agent ? 'agent-register' : 'register'}
      size="large"
      initialValues={{ channel: defaultChannel, applicantKind: 'person' }}
      onFinish={submit}
      data-testid="register-form"
    >
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      {clerkWindow?.ticketId ? (
        <Form.Item>
          <Checkbox
            checked={!!ticketId}
            onChange={(e) => setUnlinked(e.target.checked ? null : clerkWindow.ticketId)}
            data-testid="register-ticket"
          >
            <span data-testid="register-ticket-label">
              {t('applications.register.forTicket', {
                display: clerkWindow.ticketDisplay,
                number: clerkWindow.windowNumber,
              })}
            </span>
          </Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item
        name="itemId"
        label={t('applications.fields.item')}
        rules={[{ required: true, message: t('applications.register.pickItem') }]}
        extra={
          item ? (
            <span data-testid="register-item-terms">
              {item.kind === 'immediate'
                ? t('applications.fields.immediate')
                : `${t('applications.fields.promisedDays')}：${t('applications.fields.promisedDaysValue', { days: item.promisedDays ?? 0 })}`}
            </span>
          ) : undefined
        }
      >
        <ServiceItemSelect testId="register-item" onItem={setItem} />
      </Form.Item>
      {item ? <MaterialsChecklist materials={item.materials} ticks={ticks} onChange={setTicks} /> : null}
      <Row gutter={12}>
        <Col xs={24} md={9}>
          {agent ? (
            <Form.Item label={t('applications.fields.channel')}>
              <Typography.Text strong data-testid="register-channel-fixed">
                {t('applications.register.channelFixed')}
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="channel" label={t('applications.fields.channel')}>
              <Select<ApplicationChannel>
                data-testid="register-channel"
                options={WINDOW_CHANNELS.map((c) => ({ value: c, label: t(`applications.channels.${c}`) }))}
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={15}>
          <Form.Item name="applicantKind" label={t('applications.fields.applicantKind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="register-applicant-kind"
            >
              {APPLICANT_KINDS.map((k) => (
                <Radio.Button key={k} value={k}>
                  <span data-testid={`register-kind-${k}`}>{t(`applications.applicantKinds.${k}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="applicantName"
        label={
          kind === 'organisation' ? t('applications.fields.applicantNameOrg') : t('applications.fields.applicantName')
        }
        rules={[{ required: true, whitespace: true, message: t('applications.register.nameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" data-testid="register-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item
            name="applicantIdNumber"
            label={t(`applications.fields.${idNumberLabelKey(kind)}`)}
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: t('applications.register.idRequired') },
              {
                validator: (_, value: string | undefined) =>
                  !value || looksLikeIdentifier(kind, value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('applications.register.idShape'))),
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" data-testid="register-id-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="applicantPhone"
            label={t('applications.fields.applicantPhone')}
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: t('applications.register.phoneRequired') },
              {
                validator: (_, value: string | undefined) =>
                  !value || looksLikePhone(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('applications.register.phoneShape'))),
              },
            ]}
          >
            <Input maxLength={20} autoComplete="off" data-testid="register-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('applications.fields.note')}>
        <Input maxLength={500} autoComplete="off" data-testid="register-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusCircleOutlined />}
          loading={register.isPending}
          block
          data-testid="register-submit"
        >
          {t('applications.register.submit')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setItem(undefined);
            setProblem(null);
            pending.current = null;
          }}
          data-testid="register-reset"
        >
          {t('applications.register.reset')}
        </Button>
      </Flex>
    </Form>
  );
}
