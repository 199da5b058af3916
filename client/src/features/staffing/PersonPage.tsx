import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, Select, Table, Tag } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExitKind, Holding, StaffPerson } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { usePermission } from '../../lib/auth/useAuth';
import { countyToday } from '../../lib/dates';
import { etagOf } from '../../lib/versions';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FormModal } from '../../components/FormModal';
import { staffingApi, staffingKeys } from './api';
import { EXIT_KINDS } from './model';
import { PersonStateTag, useKindLabel } from './Tags';

interface ExitValues {
  kind?: ExitKind;
  exitedOn?: Dayjs;
  documentNo?: string;
}

function ExitModal({
  person,
  etag,
  open,
  onClose,
  onDone,
  onReload,
}: {
  person: StaffPerson;
  etag: string;
  open: boolean;
  onClose: () => void;
  onDone: (p: StaffPerson) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExitValues>();
  const send = useFormSend(form, {
    send: (v: ExitValues) =>
      staffingApi.exit(
        person.id,
        { kind: v.kind ?? null, exitedOn: v.exitedOn ? v.exitedOn.format('YYYY-MM-DD') : null, documentNo: v.documentNo?.trim() || null },
        etag,
      ),
    onSuccess: ({ data }) => onDone(data),
    fields: ['kind', 'exitedOn', 'documentNo'],
    onReload,
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });
  return (
    <FormModal<ExitValues>
      open={open}
      form={form}
      send={send}
      name="exit"
      title={t('staffing.people.exitTitle', { name: person.name })}
      okText={t('staffing.people.exit')}
      startOnOpen={() => ({ exitedOn: dayjs(countyToday()) })}
      okButtonProps={{ danger: true, 'data-testid': 'exit-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="exit-modal"
    >
      <Form.Item name="kind" label={t('staffing.people.exitKind')} rules={[required(t('staffing.people.exitKind'))]}>
        <Select data-testid="exit-kind" options={EXIT_KINDS.map((k) => ({ value: k, label: t(`staffing.exitKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="exitedOn" label={t('staffing.people.exitedOn')} rules={[required(t('staffing.people.exitedOn'))]}>
        <DatePicker style={{ width: '100%' }} data-testid="exit-date" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('staffing.fields.documentNo')} rules={[{ ...required(t('staffing.fields.documentNo')), whitespace: true }]}>
        <Input maxLength={100} data-testid="exit-document-no" />
      </Form.Item>
    </FormModal>
  );
}

/** One person on the ledger (ID number masked) and every post they held; 出编 for the 编办. */
export function PersonPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [exiting, setExiting] = useState(false);
  const person = useQuery({ queryKey: staffingKeys.person(id), queryFn: ({ signal }) => staffingApi.person(id, signal), enabled: !!id });
  if (person.isPending || person.isError) return <RecordStatus error={person.error} />;
  const { data: p, etag } = person.data;

  return (
    <>
      <PageHeader
        title={<span data-testid="person-title">{p.name}</span>}
        subtitle={<PersonStateTag state={p.state} />}
        extra={
          <>
            {canManage && p.state === 'serving' ? (
              <Button danger icon={<LogoutOutlined />} onClick={() => setExiting(true)} data-testid="person-exit">
                {t('staffing.people.exit')}
              </Button>
            ) : null}
            <Link to="/staffing/people">{t('staffing.people.back')}</Link>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="person-detail">
          <Descriptions.Item label={t('staffing.people.idNumber')}>
            <span data-testid="person-id-number">{p.idNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('staffing.people.gender')}>
            {p.gender === 'female' ? t('staffing.gender.female') : t('staffing.gender.male')}
          </Descriptions.Item>
          <Descriptions.Item label={t('staffing.people.birthDate')}>{p.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.people.education')}>{p.educationName}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.people.professional')}>{p.professional ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.people.title')}>{p.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.fields.unit')} span={2}>
            {p.unitName}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('staffing.people.holdings')}>
        <Table<Holding>
          dataSource={p.holdings}
          rowKey={(h) => `${h.establishmentId}-${h.enteredOn}`}
          pagination={false}
          size="middle"
          data-testid="person-holdings"
          columns={[
            {
              title: t('staffing.fields.unit'),
              dataIndex: 'unitName',
              render: (v: string, h) => <Link to={`/staffing/establishments/${h.establishmentId}`}>{v}</Link>,
            },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, h) => kindLabel(h) },
            {
              title: t('staffing.people.leader'),
              dataIndex: 'leader',
              render: (v: boolean) => (v ? <Tag color="gold" data-testid="holding-leader">{t('staffing.people.leaderTag')}</Tag> : '—'),
            },
            { title: t('staffing.people.enteredOn'), dataIndex: 'enteredOn' },
            { title: t('staffing.fields.entryKind'), dataIndex: 'entryKindName' },
            { title: t('staffing.people.entryDocument'), dataIndex: 'entryDocument' },
            { title: t('staffing.people.exitedOn'), dataIndex: 'exitedOn', render: (v: string | null) => v ?? '—' },
            { title: t('staffing.people.exitKind'), dataIndex: 'exitKindName', render: (v: string | null) => v ?? '—' },
            { title: t('staffing.people.exitDocument'), dataIndex: 'exitDocument', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      {canManage ? (
        <ExitModal
          person={p}
          etag={etag ?? etagOf(p.version)}
          open={exiting}
          onClose={() => setExiting(false)}
          onReload={() => person.refetch()}
          onDone={(after) => {
            setExiting(false);
            void message.success(t('staffing.people.exited', { name: after.name }));
            void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
          }}
        />
      ) : null}
    </>
  );
}
