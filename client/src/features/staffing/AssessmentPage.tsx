import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Assessment, AssessmentAction, Grade, GradeRow, OutcomePreview, Vacancy } from '../../lib/api/types';
import { isStaleRecord } from '../../lib/api/client';
import { knownActions } from '../../lib/allowedActions';
import { etagOf } from '../../lib/versions';
import { useFormSend } from '../../lib/useFormSend';
import { usePermission } from '../../lib/auth/useAuth';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { ActionButtons } from '../../components/ActionButtons';
import { FormModal } from '../../components/FormModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleRecordAlert } from '../../components/StaleRecordAlert';
import { staffingApi, staffingKeys } from './api';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { ASSESSMENT_ACTIONS, changedGrades, effectiveGrade, excellentUse, gradeOptions, isDangerAssessmentAction, isGradable } from './secondment';

function ActionModal({
  assessment,
  etag,
  action,
  onClose,
  onDone,
  onReload,
}: {
  assessment: Assessment;
  etag: string;
  action: AssessmentAction | undefined;
  onClose: () => void;
  onDone: (a: Assessment) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const send = useFormSend(form, {
    send: (v: { note?: string }) => staffingApi.assessmentAction(assessment.id, action!, { note: v.note?.trim() || null }, etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['note'],
    onReload,
  });
  const label = action ? t(`staffing.secondment.assessmentActions.${action}`) : '';
  return (
    <FormModal<{ note?: string }>
      open={!!action}
      form={form}
      send={send}
      name="assessment-action"
      startOnOpen
      title={label}
      okText={label || undefined}
      okButtonProps={{ danger: !!action && isDangerAssessmentAction(action), 'data-testid': 'assessment-action-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="assessment-action-modal"
    >
      <Form.Item name="note" label={t('staffing.secondment.campaigns.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="assessment-action-note" />
      </Form.Item>
    </FormModal>
  );
}

type CorrectionValues = { reason?: string; documentNo?: string };

/** 更正: reverse the outcome a final grade applied, with the reason and the document. */
function CorrectionModal({
  assessment,
  grade,
  onClose,
  onDone,
}: {
  assessment: Assessment;
  grade: GradeRow | undefined;
  onClose: () => void;
  onDone: (a: Assessment) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const send = useFormSend(form, {
    send: (v: CorrectionValues) =>
      staffingApi.correctOutcome(assessment.id, grade!.secondeeId, {
        reason: v.reason?.trim() || null,
        documentNo: v.documentNo?.trim() || null,
      }),
    onSuccess: ({ data }) => onDone(data),
    fields: ['reason', 'documentNo'],
  });
  const title = t('staffing.secondment.correction.title', { name: grade?.name ?? '' });
  return (
    <FormModal<CorrectionValues>
      open={!!grade}
      form={form}
      send={send}
      name="assessment-correction"
      startOnOpen
      title={title}
      okText={t('staffing.secondment.correction.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'correction-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="correction-modal"
    >
      <Typography.Paragraph type="secondary">
        {grade?.outcome === 'converted' ? t('staffing.secondment.correction.converted') : t('staffing.secondment.correction.returned')}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t('staffing.secondment.correction.reason')} rules={[{ required: true, message: t('staffing.secondment.correction.reason') }]}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="correction-reason" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('staffing.secondment.correction.documentNo')} rules={[{ required: true, message: t('staffing.secondment.correction.documentNo') }]}>
        <Input maxLength={100} data-testid="correction-document" />
      </Form.Item>
    </FormModal>
  );
}

function vacancyText(v: Vacancy, t: (k: 'staffing.secondment.assessments.vacant', o: { count: number }) => string): string {
  return `${v.unitName}（${t('staffing.secondment.assessments.vacant', { count: v.vacant })}）`;
}

/** A year's 年度考核: grades within the 优秀 quota, saved with If-Match; what finalizing would do; publish and finalize. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [typed, setTyped] = useState<Record<string, Grade | undefined>>({});
  const [action, setAction] = useState<AssessmentAction>();
  const [correcting, setCorrecting] = useState<GradeRow>();
  const [stale, setStale] = useState(false);
  const assessment = useQuery({
    queryKey: staffingKeys.assessment(id),
    queryFn: ({ signal }) => staffingApi.assessment(id, signal),
    enabled: !!id,
  });
  const preview = useQuery({ queryKey: staffingKeys.preview(id), queryFn: ({ signal }) => staffingApi.preview(id, signal), enabled: !!id });
  const save = useMutation({
    mutationFn: ({ a, etag }: { a: Assessment; etag: string }) => staffingApi.grade(a.id, changedGrades(a.grades, typed), etag),
    onMutate: () => setStale(false),
    onSuccess: () => {
      setTyped({});
      void message.success(t('staffing.secondment.assessments.saved'));
      void queryClient.invalidateQueries({ queryKey: staffingKeys.assessment(id) });
    },
    onError: (e) => {
      if (isStaleRecord(e)) setStale(true);
    },
  });

  if (assessment.isPending || assessment.isError) return <RecordStatus error={assessment.error} />;
  const { data: a, etag } = assessment.data;
  const actions = knownActions(ASSESSMENT_ACTIONS, a.allowedActions);
  const editable = canManage && a.state === 'draft';
  const use = excellentUse(a, typed);
  const changed = changedGrades(a.grades, typed);
  const graded = a.grades.filter((g) => effectiveGrade(g, typed)).length;

  return (
    <>
      <PageHeader
        title={<span data-testid="assessment-title">{t('staffing.secondment.assessments.title', { year: a.year })}</span>}
        subtitle={<Tag color="processing" data-testid="assessment-state">{t(`staffing.secondment.assessmentState.${a.state}`)}</Tag>}
        extra={
          <>
            <ActionButtons
              actions={actions}
              label={(x) => t(`staffing.secondment.assessmentActions.${x}`)}
              danger={isDangerAssessmentAction}
              testIdPrefix="assessment-"
              onAction={setAction}
            />
            {a.publicityFrom ? (
              <Link to={`/public/staffing/assessments/${a.id}`} target="_blank" data-testid="assessment-notice-link">
                {t('staffing.secondment.assessments.notice')}
              </Link>
            ) : null}
            <Link to="/staffing/assessments">{t('staffing.secondment.assessments.back')}</Link>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle">
          <Col xs={24} md={8}>
            <Tooltip title={t('staffing.secondment.assessments.quotaHelp', { share: `${Math.round(a.excellentShare * 100)}%` })}>
              <div data-testid="excellent-quota" data-used={use.used} data-quota={use.quota}>
                <Typography.Text strong>{t('staffing.secondment.assessments.quota', { used: use.used, quota: use.quota })}</Typography.Text>
                <Progress percent={use.percent} status={use.over ? 'exception' : 'normal'} showInfo={false} />
                {use.over ? (
                  <Typography.Text type="danger">
                    <WarningOutlined /> {t('staffing.secondment.assessments.overQuota')}
                  </Typography.Text>
                ) : null}
              </div>
            </Tooltip>
          </Col>
          <Col xs={24} md={16}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('staffing.secondment.assessments.grade')}>
                {t('staffing.secondment.assessments.graded', { graded, total: a.grades.length })}
              </Descriptions.Item>
              {a.publicityFrom ? (
                <Descriptions.Item label={t('staffing.secondment.campaigns.publicity')}>
                  {formatDate(a.publicityFrom)} – {formatDate(a.publicityUntil)}
                </Descriptions.Item>
              ) : null}
              {a.decidedOn ? (
                <Descriptions.Item label={t('staffing.secondment.assessments.decidedOn')}>{formatDate(a.decidedOn)}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Col>
        </Row>
      </Card>
      <Card
        title={t('staffing.secondment.assessments.grade')}
        style={{ marginBottom: 16 }}
        extra={
          editable ? (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={changed.length === 0}
              onClick={() => save.mutate({ a, etag: etag ?? etagOf(a.version) })}
              data-testid="grades-save"
            >
              {t('staffing.secondment.assessments.save')}
            </Button>
          ) : null
        }
      >
        {stale ? <StaleRecordAlert onReload={() => assessment.refetch()} onReloaded={() => setStale(false)} /> : null}
        {save.isError && !stale ? <ProblemAlert error={save.error} style={{ marginBottom: 12 }} testId="grades-problem" /> : null}
        <Table<GradeRow>
          size="small"
          rowKey="secondeeId"
          pagination={false}
          dataSource={a.grades}
          data-testid="grades-table"
          columns={[
            { title: t('staffing.secondment.assessments.name'), dataIndex: 'name', render: (v: string, g) => <Link to={`/staffing/secondees/${g.secondeeId}`}>{v}</Link> },
            { title: t('staffing.secondment.assessments.township'), dataIndex: 'townshipName' },
            { title: t('staffing.secondment.assessments.workArea'), dataIndex: 'workAreaName' },
            {
              title: t('staffing.secondment.assessments.startedOn'),
              dataIndex: 'startedOn',
              render: (v: string, g) => (
                <Space>
                  {formatDate(v)}
                  {g.lessThanHalfYear ? <Tag color="warning">{t('staffing.secondment.assessments.lessThanHalfYear')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('staffing.secondment.assessments.previousGrade'),
              dataIndex: 'previousGrade',
              render: (v: string | null) => (v ? t(`staffing.secondment.grade.${v as Grade}`, v) : ''),
            },
            {
              title: t('staffing.secondment.assessments.grade'),
              key: 'grade',
              width: 180,
              render: (_: unknown, g) =>
                !isGradable(g) && a.state === 'draft' ? (
                  <Tooltip title={t('staffing.secondment.assessments.notGradable')}>
                    <Tag data-testid={`not-gradable-${g.secondeeId}`}>{t(`staffing.secondment.secondeeState.${g.secondmentState}`)}</Tag>
                  </Tooltip>
                ) : editable ? (
                  <Select<Grade>
                    style={{ width: 160 }}
                    value={effectiveGrade(g, typed)}
                    disabled={g.lessThanHalfYear}
                    onChange={(v) => setTyped((s) => ({ ...s, [g.secondeeId]: v }))}
                    options={gradeOptions(g).map((x) => ({ value: x, label: t(`staffing.secondment.grade.${x}`) }))}
                    data-testid={`grade-${g.secondeeId}`}
                    aria-label={`${g.name} ${t('staffing.secondment.assessments.grade')}`}
                  />
                ) : (
                  (g.gradeName ?? '')
                ),
            },
            ...(a.state === 'final'
              ? [
                  {
                    title: t('staffing.secondment.correction.column'),
                    key: 'correction',
                    render: (_: unknown, g: GradeRow) =>
                      g.correction ? (
                        <Tooltip title={`${g.correction.documentNo}：${g.correction.reason}`}>
                          <Tag color="warning" data-testid={`corrected-${g.secondeeId}`}>
                            {t('staffing.secondment.correction.done')}
                          </Tag>
                        </Tooltip>
                      ) : canManage && (g.outcome === 'converted' || g.outcome === 'returned') ? (
                        <Button size="small" danger onClick={() => setCorrecting(g)} data-testid={`correct-${g.secondeeId}`}>
                          {t('staffing.secondment.correction.action')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('staffing.secondment.assessments.preview')} style={{ marginBottom: 16 }}>
            {preview.isError ? <ProblemAlert error={preview.error} /> : null}
            <Table<OutcomePreview>
              size="small"
              rowKey="secondeeId"
              pagination={false}
              loading={preview.isPending}
              dataSource={preview.data ?? []}
              data-testid="preview-table"
              columns={[
                { title: t('staffing.secondment.assessments.name'), dataIndex: 'name' },
                { title: t('staffing.secondment.assessments.grade'), dataIndex: 'grade', render: (v: Grade) => t(`staffing.secondment.grade.${v}`, v) },
                {
                  title: t('staffing.secondment.assessments.outcome'),
                  key: 'outcome',
                  render: (_: unknown, o) => (
                    <Space direction="vertical" size={0} data-testid="preview-outcome">
                      <span>
                        {t(`staffing.secondment.outcome.${o.outcome}`, o.outcome)}
                        {o.secondBasic ? (
                          <Tag color="warning" style={{ marginLeft: 8 }}>
                            {t('staffing.secondment.assessments.secondBasic')}
                          </Tag>
                        ) : null}
                      </span>
                      {o.outcome === 'converted' && o.target ? (
                        <Typography.Text type="secondary">
                          {t('staffing.secondment.assessments.target')}：{vacancyText(o.target, t)}
                        </Typography.Text>
                      ) : null}
                      {o.outcome === 'converted' && !o.target ? (
                        <Typography.Text type="danger">
                          {t('staffing.secondment.assessments.noVacancy')}
                          {o.alternatives.length > 0
                            ? `；${t('staffing.secondment.assessments.alternatives')}：${o.alternatives.map((v) => vacancyText(v, t)).join('、')}`
                            : ''}
                        </Typography.Text>
                      ) : null}
                      {o.barredUntil ? (
                        <Typography.Text type="secondary">
                          {t('staffing.secondment.assessments.barredUntil')}：{formatDate(o.barredUntil)}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('staffing.secondment.assessments.timeline')}>
            <WorkflowTimeline events={a.events} testId="assessment" action={(e) => t(`staffing.secondment.assessmentState.${e.toState as Assessment['state']}`, e.toState)} />
          </Card>
        </Col>
      </Row>
      <ActionModal
        assessment={a}
        etag={etag ?? etagOf(a.version)}
        action={action}
        onClose={() => setAction(undefined)}
        onReload={() => assessment.refetch()}
        onDone={(updated) => {
          setAction(undefined);
          void message.success(t('staffing.secondment.assessments.done', { state: t(`staffing.secondment.assessmentState.${updated.state}`) }));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
        }}
      />
      <CorrectionModal
        assessment={a}
        grade={correcting}
        onClose={() => setCorrecting(undefined)}
        onDone={() => {
          setCorrecting(undefined);
          void message.success(t('staffing.secondment.correction.saved'));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
        }}
      />
    </>
  );
}
