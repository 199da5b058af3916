import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import type { DefaultOptionType } from 'antd/es/select';
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEntry, AuditOutcome, AuditQuery } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CursorTable } from '../../components/CursorTable';
import { auditApi, auditKeys } from './api';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { useAuditLabels } from './hooks';
import { OUTCOME_COLORS, OUTCOMES } from './outcomes';

/** A select option matches what is typed in its label (中文或英文) or its code. */
function matches(input: string, option: DefaultOptionType | undefined): boolean {
  const typed = input.trim().toLowerCase();
  return (
    option?.value !== undefined &&
    (String(option.label).toLowerCase().includes(typed) || String(option.value).toLowerCase().includes(typed))
  );
}

const ellipsis = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' } as const;

const FILTERS = ['from', 'to', 'actor', 'recordType', 'recordId', 'action', 'outcome'] as const;

interface FilterForm {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  outcome?: AuditOutcome;
}

function isOutcome(v: string | undefined): v is AuditOutcome {
  return v !== undefined && (OUTCOMES as string[]).includes(v);
}

/** URL filter values (dates as YYYY-MM-DD) → API query (instants; `to` is exclusive, so the day after). */
export function toAuditQuery(f: Partial<Record<(typeof FILTERS)[number], string | undefined>>): Omit<AuditQuery, 'cursor'> {
  const from = f.from ? dayjs(f.from) : undefined;
  const to = f.to ? dayjs(f.to) : undefined;
  return {
    from: from?.isValid() ? from.startOf('day').toISOString() : undefined,
    to: to?.isValid() ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    actor: f.actor,
    recordType: f.recordType,
    recordId: f.recordId,
    action: f.action,
    outcome: isOutcome(f.outcome) ? f.outcome : undefined,
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [form] = Form.useForm<FilterForm>();
  const query = toAuditQuery(filters);
  const list = useCursorList<AuditEntry>(auditKeys.entries(query), (cursor, signal) =>
    auditApi.entries({ ...query, cursor, limit: 50 }, signal),
  );
  const verify = useMutation({ mutationFn: () => auditApi.verify() });
  const labels = useAuditLabels();
  const [formKey, setFormKey] = useState(0);
  const [open, setOpen] = useState<AuditEntry>();

  const initial: FilterForm = {
    range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
    actor: filters.actor,
    recordType: filters.recordType,
    recordId: filters.recordId,
    action: filters.action,
    outcome: isOutcome(filters.outcome) ? filters.outcome : undefined,
  };

  const apply = (v: FilterForm) =>
    setFilters({
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
      actor: v.actor?.trim(),
      recordType: v.recordType,
      recordId: v.recordId?.trim(),
      action: v.action,
      outcome: v.outcome,
    });

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={auditApi.exportUrl('csv', query)} data-testid="audit-export-csv">
              {t('audit.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={auditApi.exportUrl('xlsx', query)}
              data-testid="audit-export-xlsx"
            >
              {t('audit.exportXlsx')}
            </Button>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
          </Space>
        }
      />
      {verify.data ? (
        <Alert
          data-testid="audit-verify-result"
          data-valid={String(verify.data.valid)}
          type={verify.data.valid ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          title={
            verify.data.valid
              ? t('audit.verifyValid', { count: verify.data.checked })
              : t('audit.verifyBroken', { seq: verify.data.brokenAtSeq ?? '?', count: verify.data.checked })
          }
        />
      ) : null}
      {verify.error ? <ProblemAlert error={verify.error} style={{ marginBottom: 16 }} testId="audit-verify-error" /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterForm> key={formKey} form={form} layout="vertical" initialValues={initial} onFinish={apply} data-testid="audit-filters">
          <Row gutter={16}>
            <Col xs={24} md={12} xl={5}>
              <Form.Item name="range" label={t('audit.dateRange')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="audit-filter-range" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input placeholder={t('audit.actorPlaceholder')} allowClear data-testid="audit-filter-actor" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item name="action" label={t('audit.action')}>
                <Select<string>
                  allowClear
                  showSearch={{ filterOption: matches }}
                  placeholder={t('audit.allActions')}
                  options={labels.actionOptions}
                  popupMatchSelectWidth={false}
                  data-testid="audit-filter-action"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item name="recordType" label={t('audit.recordType')}>
                <Select<string>
                  allowClear
                  showSearch={{ filterOption: matches }}
                  placeholder={t('audit.allRecordTypes')}
                  options={labels.recordTypeOptions}
                  popupMatchSelectWidth={false}
                  data-testid="audit-filter-record-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={3}>
              <Form.Item name="recordId" label={t('audit.recordId')}>
                <Input allowClear data-testid="audit-filter-record-id" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={3}>
              <Form.Item name="outcome" label={t('audit.outcome')}>
                <Select<AuditOutcome>
                  allowClear
                  placeholder={t('audit.allOutcomes')}
                  options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
                  data-testid="audit-filter-outcome"
                />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                setFilters(Object.fromEntries(FILTERS.map((k) => [k, undefined])));
                setFormKey((k) => k + 1);
              }}
              data-testid="audit-reset"
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card>
        <CursorTable<AuditEntry>
          list={list}
          data-testid="audit-table"
          rowKey="id"
          size="small"
          scroll={{ x: 1000 }}
          tableLayout="fixed"
          onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('audit.occurredAt'), dataIndex: 'occurredAt', key: 'occurredAt', width: 150, render: formatDateTime },
            {
              title: t('audit.actor'),
              key: 'actor',
              width: 180,
              render: (_: unknown, e) => (
                <span title={e.actorName} data-testid="audit-actor">
                  <span style={ellipsis}>{e.actorDisplayName ?? e.actorName}</span>
                  {e.actorUnit ? (
                    <Typography.Text type="secondary" style={{ ...ellipsis, fontSize: 12 }}>
                      {e.actorUnit}
                    </Typography.Text>
                  ) : null}
                </span>
              ),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              key: 'action',
              width: 200,
              render: (v: string) => (
                <span data-testid="audit-action" data-code={v} title={v} style={ellipsis}>
                  {labels.action(v)}
                </span>
              ),
            },
            {
              title: t('audit.recordType'),
              dataIndex: 'recordType',
              key: 'recordType',
              width: 130,
              render: (v: string) => (
                <span data-testid="audit-record-type" data-code={v} title={v} style={ellipsis}>
                  {labels.recordType(v)}
                </span>
              ),
            },
            {
              title: t('audit.recordId'),
              dataIndex: 'recordId',
              key: 'recordId',
              ellipsis: true,
              render: (v: string | null) => <span data-testid="audit-record-id">{v ?? '—'}</span>,
            },
            {
              title: t('audit.region'),
              dataIndex: 'regionName',
              key: 'regionName',
              width: 120,
              ellipsis: true,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              key: 'outcome',
              width: 90,
              render: (o: AuditOutcome) => (
                <Tag color={OUTCOME_COLORS[o] ?? 'default'} data-testid="audit-outcome" data-outcome={o}>
                  {t(`audit.outcomes.${o}`, { defaultValue: o })}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <AuditEntryDrawer entry={open} labels={labels} onClose={() => setOpen(undefined)} />
    </>
  );
}
