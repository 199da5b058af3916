import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Segmented } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExceptionQuery, PostFunding, PostKind, StaffingException } from '../../lib/api/types';
import { ApiProblem } from '../../lib/api/client';
import { useCursorList } from '../../lib/useCursorList';
import { useFormSend } from '../../lib/useFormSend';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { usePermission } from '../../lib/auth/useAuth';
import { countyToday } from '../../lib/dates';
import { etagOf } from '../../lib/versions';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { FormModal } from '../../components/FormModal';
import { staffingApi, staffingKeys } from './api';
import { ExceptionStatusTag, FundingSelect, KindSelect, useKindLabel } from './Tags';
import { UnitSelect } from './UnitSelect';
import { isPostFunding, isPostKind } from './model';

interface CreateValues {
  unitId?: string;
  kind?: PostKind;
  funding?: PostFunding;
  posts?: number;
  documentNo?: string;
  reason?: string;
  validFrom?: Dayjs;
  validUntil?: Dayjs;
}

/** The establishment a unit holds of a kind and funding (the ledger's row of it), or a field error when it has none. */
async function establishmentOf(v: CreateValues, noneMessage: string): Promise<string> {
  const page = await staffingApi.ledger({ unitId: v.unitId, kind: v.kind, funding: v.funding, limit: 1 });
  const row = page.items[0];
  if (!row) throw new ApiProblem(400, { title: noneMessage, status: 400, errors: { kind: [noneMessage] } });
  return row.establishmentId;
}

/** 登记超编例外 on a unit's establishment (prefilled from a ledger row's link). */
function CreateExceptionModal({
  open,
  initial,
  onClose,
  onCreated,
}: {
  open: boolean;
  initial: Pick<CreateValues, 'unitId' | 'kind' | 'funding'>;
  onClose: () => void;
  onCreated: (x: StaffingException) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const send = useFormSend(form, {
    send: async (v: CreateValues) =>
      staffingApi.createException({
        establishmentId: await establishmentOf(v, t('staffing.exceptions.noEstablishment')),
        posts: v.posts ?? null,
        documentNo: v.documentNo?.trim() || null,
        reason: v.reason?.trim() || null,
        validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
      }),
    onSuccess: ({ data }) => onCreated(data),
    fields: ['unitId', 'kind', 'funding', 'posts', 'documentNo', 'reason', 'validFrom', 'validUntil'],
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });
  return (
    <FormModal<CreateValues>
      open={open}
      form={form}
      send={send}
      name="exception"
      title={t('staffing.exceptions.create')}
      startOnOpen={() => ({ ...initial, posts: 1, validFrom: dayjs(countyToday()), validUntil: dayjs(countyToday()).add(1, 'year') })}
      okButtonProps={{ 'data-testid': 'exception-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="exception-modal"
    >
      <Form.Item name="unitId" label={t('staffing.fields.unit')} rules={[required(t('staffing.fields.unit'))]}>
        <UnitSelect testId="exception-unit" />
      </Form.Item>
      <Form.Item name="kind" label={t('staffing.fields.kind')} rules={[required(t('staffing.fields.kind'))]}>
        <KindSelect testId="exception-kind" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="funding" label={t('staffing.fields.funding')} rules={[required(t('staffing.fields.funding'))]}>
        <FundingSelect testId="exception-funding" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="posts" label={t('staffing.exceptions.posts')} rules={[required(t('staffing.exceptions.posts'))]}>
        <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="exception-posts" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('staffing.fields.documentNo')} rules={[{ ...required(t('staffing.fields.documentNo')), whitespace: true }]}>
        <Input maxLength={100} data-testid="exception-document-no" />
      </Form.Item>
      <Form.Item name="reason" label={t('staffing.exceptions.reason')} rules={[{ ...required(t('staffing.exceptions.reason')), whitespace: true }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="exception-reason" />
      </Form.Item>
      <Form.Item name="validFrom" label={t('staffing.exceptions.validFrom')} rules={[required(t('staffing.exceptions.validFrom'))]}>
        <DatePicker style={{ width: '100%' }} data-testid="exception-valid-from" />
      </Form.Item>
      <Form.Item name="validUntil" label={t('staffing.exceptions.validUntil')} rules={[required(t('staffing.exceptions.validUntil'))]}>
        <DatePicker style={{ width: '100%' }} data-testid="exception-valid-until" />
      </Form.Item>
    </FormModal>
  );
}

interface ResolveValues {
  resolvedOn?: Dayjs;
  resolution?: string;
}

/** 消化: the extra occupants are gone; refused while the establishment would still be over. */
function ResolveModal({
  exception,
  onClose,
  onDone,
  onReload,
}: {
  exception: StaffingException | null;
  onClose: () => void;
  onDone: (x: StaffingException) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResolveValues>();
  const send = useFormSend(form, {
    send: (v: ResolveValues) =>
      staffingApi.resolveException(
        exception!.id,
        { resolvedOn: v.resolvedOn ? v.resolvedOn.format('YYYY-MM-DD') : null, resolution: v.resolution?.trim() || null },
        etagOf(exception!.version),
      ),
    onSuccess: ({ data }) => onDone(data),
    fields: ['resolvedOn', 'resolution'],
    onReload,
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });
  return (
    <FormModal<ResolveValues>
      open={!!exception}
      form={form}
      send={send}
      name="resolve-exception"
      title={exception ? t('staffing.exceptions.resolveTitle', { unit: exception.unitName, documentNo: exception.documentNo }) : ''}
      okText={t('staffing.exceptions.resolve')}
      startOnOpen={() => ({ resolvedOn: dayjs(countyToday()) })}
      okButtonProps={{ 'data-testid': 'resolve-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="resolve-modal"
    >
      <Form.Item name="resolvedOn" label={t('staffing.exceptions.resolvedOn')} rules={[required(t('staffing.exceptions.resolvedOn'))]}>
        <DatePicker style={{ width: '100%' }} data-testid="resolve-date" />
      </Form.Item>
      <Form.Item name="resolution" label={t('staffing.exceptions.resolution')} rules={[{ ...required(t('staffing.exceptions.resolution')), whitespace: true }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="resolve-resolution" />
      </Form.Item>
    </FormModal>
  );
}

/** 超编例外: exceptions open (in force or overdue) or resolved; 登记 and 消化 for the 编办. */
export function ExceptionsPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [filters, setFilters] = useSearchFilters(['status', 'unitId', 'kind', 'funding'] as const);
  const status: 'open' | 'resolved' = filters.status === 'resolved' ? 'resolved' : 'open';
  const [creating, setCreating] = useState(!!filters.unitId && canManage);
  const [resolvingId, setResolvingId] = useState<string>();
  const query: Omit<ExceptionQuery, 'cursor'> = { status };
  const list = useCursorList<StaffingException>(staffingKeys.exceptions(query), (cursor, signal) =>
    staffingApi.exceptions({ ...query, cursor, limit: 50 }, signal),
  );
  // the row being resolved as last loaded (a 412's reload gives it the new version)
  const resolving = list.items.find((x) => x.id === resolvingId) ?? null;
  const changed = () => void queryClient.invalidateQueries({ queryKey: staffingKeys.all });

  return (
    <>
      <PageHeader
        title={t('staffing.nav.exceptions')}
        subtitle={t('staffing.exceptions.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="exception-create">
              {t('staffing.exceptions.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Segmented<'open' | 'resolved'>
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => setFilters({ status: v === 'open' ? undefined : v })}
          options={[
            { value: 'open', label: t('staffing.exceptions.open') },
            { value: 'resolved', label: t('staffing.exceptions.status.resolved') },
          ]}
          data-testid="exception-filter"
        />
        <CursorTable<StaffingException>
          list={list}
          rowKey="id"
          size="middle"
          data-testid="exception-table"
          columns={[
            {
              title: t('staffing.fields.unit'),
              dataIndex: 'unitName',
              render: (v: string, x) => <Link to={`/staffing/establishments/${x.establishmentId}`}>{v}</Link>,
            },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, x) => kindLabel(x) },
            { title: t('staffing.exceptions.posts'), dataIndex: 'posts', align: 'right' },
            { title: t('staffing.fields.documentNo'), dataIndex: 'documentNo' },
            { title: t('staffing.exceptions.reason'), dataIndex: 'reason' },
            { title: t('staffing.exceptions.validFrom'), dataIndex: 'validFrom', width: 110 },
            { title: t('staffing.exceptions.validUntil'), dataIndex: 'validUntil', width: 110 },
            { title: t('staffing.exceptions.statusTitle'), dataIndex: 'status', render: (_: unknown, x) => <ExceptionStatusTag status={x.status} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, x) =>
                x.status === 'resolved' ? (
                  `${x.resolvedOn ?? ''} ${x.resolution ?? ''}`
                ) : canManage ? (
                  <Button size="small" icon={<CheckOutlined />} onClick={() => setResolvingId(x.id)} data-testid="exception-resolve">
                    {t('staffing.exceptions.resolve')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {canManage ? (
        <>
          <CreateExceptionModal
            open={creating}
            initial={{
              unitId: filters.unitId,
              kind: isPostKind(filters.kind) ? filters.kind : undefined,
              funding: isPostFunding(filters.funding) ? filters.funding : undefined,
            }}
            onClose={() => {
              setCreating(false);
              setFilters({ unitId: undefined, kind: undefined, funding: undefined });
            }}
            onCreated={() => {
              setCreating(false);
              setFilters({ unitId: undefined, kind: undefined, funding: undefined });
              void message.success(t('staffing.exceptions.created'));
              changed();
            }}
          />
          <ResolveModal
            exception={resolving}
            onClose={() => setResolvingId(undefined)}
            onReload={() => queryClient.invalidateQueries({ queryKey: staffingKeys.exceptions(query) })}
            onDone={() => {
              setResolvingId(undefined);
              void message.success(t('staffing.exceptions.resolved'));
              changed();
            }}
          />
        </>
      ) : null}
    </>
  );
}
