import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CentreDetail, CentreWindow, CreateWindowRequest } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { queueApi, queueKeys } from './api';
import { nextWindowNumber, windowItemNames } from './model';

const FIELDS = ['number', 'name', 'itemIds'] as const;

interface FormValues {
  number: number;
  name: string;
  itemIds?: string[];
}

/** The windows of a centre (numbered, each serving some items or all of them) and, for the administration, 新增窗口. */
export function WindowsCard({ detail, canManage }: { detail: CentreDetail; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('queue.windows.title', { count: detail.windows.length })} data-testid="windows-card">
      <Table<CentreWindow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.windows}
        data-testid="windows-table"
        locale={{ emptyText: t('queue.windows.empty') }}
        onRow={(w) => ({ 'data-testid': 'window-row', 'data-number': w.number }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'number', title: t('queue.windows.number'), width: 90, render: (_, w) => t('queue.windows.numbered', { number: w.number }) },
          { key: 'name', title: t('queue.windows.name'), render: (_, w) => <span data-testid="window-name">{w.name}</span> },
          {
            key: 'items',
            title: t('queue.windows.items'),
            render: (_, w) => {
              const names = windowItemNames(w, detail.items);
              return names === null ? (
                <Tag color="green">{t('queue.windows.general')}</Tag>
              ) : (
                <Flex gap={4} wrap>
                  {names.map((n, i) => (
                    <Tag key={`${n}-${i}`}>{n}</Tag>
                  ))}
                </Flex>
              );
            },
          },
        ]}
      />
      {canManage ? <AddWindowForm detail={detail} /> : null}
    </Card>
  );
}

function AddWindowForm({ detail }: { detail: CentreDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const centreId = detail.centre.id;
  const proposed = nextWindowNumber(detail.windows);

  // after a window is added, propose the next number
  useEffect(() => {
    if (!form.isFieldTouched('number')) form.setFieldValue('number', proposed);
  }, [form, proposed]);

  const add = useMutation({
    mutationFn: (body: CreateWindowRequest) => queueApi.addWindow(centreId, body),
    onSuccess: (w) => {
      setProblem(null);
      form.resetFields();
      queryClient.setQueryData<CentreDetail>(queueKeys.centre(centreId), (prev) =>
        prev ? { ...prev, windows: [...prev.windows, w].sort((a, b) => a.number - b.number) } : prev,
      );
      void queryClient.invalidateQueries({ queryKey: queueKeys.centres });
      void message.success(t('queue.windows.added', { number: w.number }));
    },
    onError: (e) => setProblem(applyProblemToForm(form, e, FIELDS) ? null : e),
  });

  return (
    <div style={{ marginTop: 16 }} data-testid="window-form">
      <Typography.Text strong>{t('queue.windows.add')}</Typography.Text>
      {problem ? <ProblemAlert error={problem} style={{ margin: '8px 0' }} /> : null}
      <Form<FormValues>
        form={form}
        layout="inline"
        name="add-window"
        initialValues={{ number: proposed }}
        style={{ marginTop: 8, rowGap: 8 }}
        onFinish={(v) => {
          setProblem(null);
          add.mutate({ number: v.number, name: v.name.trim(), itemIds: v.itemIds ?? [] });
        }}
      >
        <Form.Item
          name="number"
          label={t('queue.windows.number')}
          rules={[{ required: true, message: t('queue.form.required', { field: t('queue.windows.number') }) }]}
        >
          <InputNumber min={1} max={999} precision={0} style={{ width: 90 }} data-testid="window-form-number" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('queue.windows.name')}
          rules={[{ required: true, whitespace: true, message: t('queue.form.required', { field: t('queue.windows.name') }) }, { max: 50 }]}
        >
          <Input placeholder={t('queue.windows.namePlaceholder')} style={{ width: 180 }} data-testid="window-form-name" />
        </Form.Item>
        <Form.Item name="itemIds" label={t('queue.windows.items')} extra={t('queue.windows.itemsHint')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            placeholder={t('queue.windows.general')}
            style={{ minWidth: 220, maxWidth: 420 }}
            options={detail.items.map((i) => ({ value: i.itemId, label: `${i.code} ${i.name}` }))}
            optionFilterProp="label"
            data-testid="window-form-items"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="window-form-submit">
            {t('queue.windows.add')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
