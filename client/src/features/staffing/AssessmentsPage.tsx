import { useState } from 'react';
import { App as AntApp, Button, Card, Form, InputNumber, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Assessment, AssessmentSummary } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { useFormSend } from '../../lib/useFormSend';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormModal } from '../../components/FormModal';
import { staffingApi, staffingKeys } from './api';

function CreateAssessmentModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (a: Assessment) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year?: number }>();
  const send = useFormSend(form, {
    send: (v: { year?: number }) => staffingApi.createAssessment({ year: v.year ?? null }),
    onSuccess: ({ data }) => onCreated(data),
    fields: ['year'],
  });
  return (
    <FormModal<{ year?: number }>
      open={open}
      form={form}
      send={send}
      name="assessment"
      title={t('staffing.secondment.assessments.create')}
      okText={t('staffing.secondment.assessments.create')}
      startOnOpen={() => ({ year: new Date().getFullYear() })}
      okButtonProps={{ 'data-testid': 'assessment-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="assessment-modal"
    >
      <Form.Item
        name="year"
        label={t('staffing.secondment.assessments.year')}
        rules={[{ required: true, message: t('staffing.form.required', { field: t('staffing.secondment.assessments.year') }) }]}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="assessment-year" />
      </Form.Item>
    </FormModal>
  );
}

/** 年度考核 of the secondees, by year; a new one grades every secondee active in the year. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: staffingKeys.assessments, queryFn: ({ signal }) => staffingApi.assessments(signal) });
  return (
    <>
      <PageHeader
        title={t('staffing.nav.assessments')}
        subtitle={t('staffing.secondment.assessments.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assessment-create">
              {t('staffing.secondment.assessments.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        {list.isError ? <ProblemAlert error={list.error} /> : null}
        <Table<AssessmentSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          data-testid="assessment-table"
          columns={[
            {
              title: t('staffing.secondment.assessments.year'),
              dataIndex: 'year',
              render: (v: number, a) => (
                <Link to={`/staffing/assessments/${a.id}`} data-testid="assessment-link">
                  {t('staffing.secondment.assessments.title', { year: v })}
                </Link>
              ),
            },
            {
              title: t('staffing.secondment.assessments.state'),
              dataIndex: 'state',
              render: (v: AssessmentSummary['state']) => (
                <Tag color={v === 'final' ? 'default' : 'processing'}>{t(`staffing.secondment.assessmentState.${v}`)}</Tag>
              ),
            },
            { title: t('staffing.secondment.assessments.publicityUntil'), dataIndex: 'publicityUntil', render: (v: string | null) => formatDate(v) },
            { title: t('staffing.secondment.assessments.decidedOn'), dataIndex: 'decidedOn', render: (v: string | null) => formatDate(v) },
          ]}
        />
      </Card>
      <CreateAssessmentModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          void message.success(t('staffing.secondment.assessments.created', { year: a.year }));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
          void navigate(`/staffing/assessments/${a.id}`);
        }}
      />
    </>
  );
}
