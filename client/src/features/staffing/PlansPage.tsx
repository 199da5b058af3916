import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Form, Input, InputNumber, Progress, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PostFunding, PostKind, StaffingPlan } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { FormModal } from '../../components/FormModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { staffingApi, staffingKeys } from './api';
import { FundingSelect, KindSelect } from './Tags';
import { UnitSelect } from './UnitSelect';

interface Values {
  unitId?: string;
  kind?: PostKind;
  funding?: PostFunding;
  year?: number;
  posts?: number;
  documentNo?: string;
}

function CreatePlanModal({ open, year, onClose, onCreated }: { open: boolean; year: number; onClose: () => void; onCreated: (p: StaffingPlan) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      staffingApi.createPlan({
        unitId: v.unitId ?? null,
        kind: v.kind ?? null,
        funding: v.funding ?? null,
        year: v.year ?? null,
        posts: v.posts ?? null,
        documentNo: v.documentNo?.trim() || null,
      }),
    onSuccess: onCreated,
    fields: ['unitId', 'kind', 'funding', 'year', 'posts', 'documentNo'],
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });
  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="plan"
      title={t('staffing.plans.create')}
      startOnOpen={() => ({ year, kind: 'institution', funding: 'full', posts: 1 })}
      okButtonProps={{ 'data-testid': 'plan-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="plan-modal"
    >
      <Form.Item name="unitId" label={t('staffing.fields.unit')} rules={[required(t('staffing.fields.unit'))]}>
        <UnitSelect testId="plan-unit" />
      </Form.Item>
      <Form.Item name="kind" label={t('staffing.fields.kind')} rules={[required(t('staffing.fields.kind'))]}>
        <KindSelect testId="plan-kind" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="funding" label={t('staffing.fields.funding')} rules={[required(t('staffing.fields.funding'))]}>
        <FundingSelect testId="plan-funding" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="year" label={t('staffing.fields.year')} rules={[required(t('staffing.fields.year'))]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="plan-year" />
      </Form.Item>
      <Form.Item name="posts" label={t('staffing.plans.posts')} rules={[required(t('staffing.plans.posts'))]}>
        <InputNumber min={0} max={999} precision={0} style={{ width: '100%' }} data-testid="plan-posts" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('staffing.fields.documentNo')}>
        <Input maxLength={100} data-testid="plan-document-no" />
      </Form.Item>
    </FormModal>
  );
}

/** 用编计划: each establishment's planned posts for a year and how many are already requested. */
export function PlansPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [filters, setFilters] = useSearchFilters(['year'] as const);
  const year = Number(filters.year) || new Date().getFullYear();
  const [creating, setCreating] = useState(false);
  const plans = useQuery({ queryKey: staffingKeys.plans(year), queryFn: ({ signal }) => staffingApi.plans(year, signal) });

  return (
    <>
      <PageHeader
        title={t('staffing.nav.plans')}
        subtitle={t('staffing.plans.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
              {t('staffing.plans.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('staffing.fields.year')}</Typography.Text>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => setFilters({ year: v ? String(v) : undefined })}
            data-testid="plan-year-filter"
          />
        </Flex>
        {plans.error ? <ProblemAlert error={plans.error} style={{ marginBottom: 16 }} /> : null}
        <Table<StaffingPlan>
          dataSource={plans.data ?? []}
          loading={plans.isPending}
          rowKey="id"
          size="middle"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="plan-table"
          columns={[
            { title: t('staffing.fields.unit'), dataIndex: 'unitName' },
            { title: t('staffing.fields.kind'), dataIndex: 'kind', render: (v: PostKind) => t(`staffing.kind.${v}`) },
            { title: t('staffing.fields.funding'), dataIndex: 'funding', render: (v: PostFunding) => t(`staffing.funding.${v}`) },
            { title: t('staffing.plans.posts'), dataIndex: 'posts', align: 'right' },
            { title: t('staffing.plans.requested'), dataIndex: 'requested', align: 'right' },
            {
              title: t('staffing.plans.use'),
              key: 'use',
              width: 160,
              render: (_: unknown, p) => (
                <Progress
                  size="small"
                  percent={p.posts > 0 ? Math.round((100 * p.requested) / p.posts) : 0}
                  status={p.requested > p.posts ? 'exception' : 'normal'}
                />
              ),
            },
            { title: t('staffing.fields.documentNo'), dataIndex: 'documentNo', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      <CreatePlanModal
        open={creating}
        year={year}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          void message.success(t('staffing.plans.created', { unit: p.unitName, year: p.year }));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.plans(p.year) });
          setFilters({ year: String(p.year) });
        }}
      />
    </>
  );
}
