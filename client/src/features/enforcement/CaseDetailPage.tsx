import type { ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Flex, List, Row, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseOfficer, EnforcementCase, PenaltyKind, WorkflowEvent } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { etagOf } from '../../lib/versions';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { enforcementKeys } from './api';
import { useCase, useCaseChanged } from './hooks';
import {
  caseStateColor,
  formatAmount,
  isCaseAction,
  isCaseState,
  isDegree,
  isDeliveryMethod,
  isMajorReason,
  isPenaltyKind,
} from './caseModel';
import { CaseActionPanel } from './CaseActionPanel';
import { CasePrintMenu } from './CasePrintMenu';
import { CaseDueTag, CaseStateTag, DecisionDue } from './CaseTags';
import { EvidenceSection } from './EvidenceSection';

const LABEL_STYLE = { label: { width: 140, whiteSpace: 'nowrap' as const } };
const PRE = { margin: 0, whiteSpace: 'pre-wrap' as const };

/** A section of the case: its fields once the step has happened, 尚未进行 before. */
function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode | null }) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={`case-section-${testId}`}>
      {children ?? (
        <Typography.Text type="secondary" data-testid={`case-section-${testId}-empty`}>
          {t('enforcement.cases.sections.notYet')}
        </Typography.Text>
      )}
    </Card>
  );
}

function useLabels() {
  const { t } = useTranslation();
  const yuan = (n: number | null | undefined) =>
    n == null ? t('common.none') : t('enforcement.cases.yuan', { amount: formatAmount(n) });
  const kinds = (list: readonly PenaltyKind[]) =>
    list.length === 0 ? t('common.none') : (
      <Flex gap={4} wrap>
        {list.map((k) => (
          <Tag key={k.code} style={{ marginInlineEnd: 0 }}>
            {isPenaltyKind(k.code) ? t(`enforcement.cases.penaltyKinds.${k.code}`) : k.name}
          </Tag>
        ))}
      </Flex>
    );
  return { t, yuan, kinds, none: t('common.none') };
}

function LeadSection({ c }: { c: EnforcementCase }) {
  const { t, none } = useLabels();
  const f = (k: 'source' | 'domain' | 'occurredOn' | 'place' | 'description' | 'partyKind' | 'partyName') =>
    t(`enforcement.cases.fields.${k}`);
  return (
    <Section title={t('enforcement.cases.sections.lead')} testId="lead">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
        <Descriptions.Item label={f('source')}>{t(`enforcement.cases.sources.${c.source}`)}</Descriptions.Item>
        <Descriptions.Item label={f('domain')}>{c.domainName}</Descriptions.Item>
        <Descriptions.Item label={f('occurredOn')}>{c.occurredOn}</Descriptions.Item>
        <Descriptions.Item label={t('enforcement.cases.fields.receivedAt')}>
          {formatDateTime(c.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={f('place')} span={2}>
          <span data-testid="case-place">{c.place}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('description')} span={2}>
          <Typography.Paragraph style={PRE}>{c.description}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={f('partyKind')}>
          {c.partyKind === 'person' || c.partyKind === 'organisation'
            ? t(`enforcement.cases.partyKinds.${c.partyKind}`)
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={f('partyName')}>
          <span data-testid="case-party">{c.partyName ?? none}</span>
        </Descriptions.Item>
        <Descriptions.Item
          label={t(`enforcement.cases.fields.${c.partyKind === 'organisation' ? 'creditCode' : 'idNumber'}`)}
        >
          {c.partyIdNumber ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('enforcement.cases.fields.reporter')}>{c.reporter ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('enforcement.cases.fields.createdBy')}>{c.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('enforcement.cases.fields.procedure')}>
          {c.procedure === 'simple' || c.procedure === 'general'
            ? t(`enforcement.cases.procedures.${c.procedure}`)
            : c.procedure}
        </Descriptions.Item>
        {c.transferredToName ? (
          <Descriptions.Item label={t('enforcement.cases.fields.transferredTo')} span={2}>
            <span data-testid="case-transferred-to">{c.transferredToName}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Section>
  );
}

function FilingSection({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  const x = c.filing;
  return (
    <Section title={t('enforcement.cases.sections.filing')} testId="filing">
      {x ? (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
          <Descriptions.Item label={t('enforcement.cases.filing.item')} span={2}>
            <span data-testid="case-item">
              {x.itemCode} {x.itemName}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.filing.mode')}>
            {x.exerciseModeName}
            {x.agreementNo ? ` · ${x.agreementNo}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.filing.filedOn')}>{x.filedOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.filing.limitationEndsOn')}>
            <span data-testid="case-limitation">{x.limitationEndsOn}</span>
            {x.severeHarm ? (
              <Tag style={{ marginInlineStart: 6 }}>{t('enforcement.cases.filing.severeHarm')}</Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.filing.decisionDueOn')}>
            <Flex gap={6} align="center" wrap>
              <DecisionDue value={c} />
              <CaseDueTag value={c} />
              {c.extendedDays > 0 ? (
                <Typography.Text type="secondary">
                  {t('enforcement.cases.filing.extended', { count: c.extendedDays })}
                </Typography.Text>
              ) : null}
            </Flex>
          </Descriptions.Item>
          {c.closedOn ? (
            <Descriptions.Item label={t('enforcement.cases.fields.closedOn')}>{c.closedOn}</Descriptions.Item>
          ) : null}
          {c.archivedOn ? (
            <Descriptions.Item label={t('enforcement.cases.fields.archivedOn')}>{c.archivedOn}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Section>
  );
}

function OfficersSection({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  return (
    <Section title={t('enforcement.cases.sections.officers')} testId="officers">
      {c.officers.length > 0 ? (
        <Table<CaseOfficer>
          size="small"
          rowKey="officerId"
          pagination={false}
          dataSource={c.officers}
          data-testid="case-officers-table"
          columns={[
            {
              title: t('enforcement.cases.officer.name'),
              key: 'name',
              render: (_: unknown, o) => <Link to={`/enforcement/officers/${o.officerId}`}>{o.name}</Link>,
            },
            { title: t('enforcement.cases.officer.certificate'), dataIndex: 'certificateNumber' },
            { title: t('enforcement.cases.officer.assignedOn'), dataIndex: 'assignedOn' },
          ]}
        />
      ) : null}
    </Section>
  );
}

function NoticeSection({ c }: { c: EnforcementCase }) {
  const { t, yuan, kinds, none } = useLabels();
  const n = c.notice;
  return (
    <Section title={t('enforcement.cases.sections.notice')} testId="notice">
      {n ? (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
          <Descriptions.Item label={t('enforcement.cases.notice.notifiedOn')}>{n.notifiedOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.statementDueOn')}>{n.statementDueOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.kinds')} span={2}>
            {kinds(n.kinds)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.fine')}>{yuan(n.fine)}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.confiscation')}>
            {yuan(n.confiscation)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.hearingEligible')}>
            <span data-testid="case-hearing-eligible">
              {n.hearingEligible ? t('enforcement.cases.notice.hearingYes') : t('enforcement.cases.notice.hearingNo')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.statement')}>{n.statement ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.notice.majorReasons')} span={2}>
            {c.majorReasons.length === 0 ? (
              none
            ) : (
              <Flex vertical data-testid="case-major-reasons">
                {c.majorReasons.map((r) => (
                  <span key={r}>{isMajorReason(r) ? t(`enforcement.cases.majorReasons.${r}`) : r}</span>
                ))}
              </Flex>
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Section>
  );
}

function HearingSection({ c }: { c: EnforcementCase }) {
  const { t, none } = useLabels();
  const h = c.hearing;
  return (
    <Section title={t('enforcement.cases.sections.hearing')} testId="hearing">
      {h ? (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
          <Descriptions.Item label={t('enforcement.cases.hearing.requestedOn')}>{h.requestedOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.hearing.notifiedOn')}>
            {h.notifiedOn ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.hearing.hearingOn')}>{h.hearingOn ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.hearing.presider')}>{h.presider ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.hearing.place')} span={2}>
            {h.place ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.hearing.record')} span={2}>
            <Typography.Paragraph style={PRE}>{h.record ?? none}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Section>
  );
}

function ReviewsSection({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  return (
    <Section title={t('enforcement.cases.sections.reviews')} testId="reviews">
      {c.reviews.length > 0 ? (
        <List
          size="small"
          dataSource={c.reviews}
          renderItem={(r) => (
            <List.Item data-testid="case-review">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} align="center" wrap>
                  <Tag color={r.passed ? 'green' : 'red'}>
                    {r.passed ? t('enforcement.cases.review.passed') : t('enforcement.cases.review.failed')}
                  </Tag>
                  <Typography.Text strong>{r.reviewer}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
                </Flex>
                <span style={{ whiteSpace: 'pre-wrap' }}>{r.opinion}</span>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Section>
  );
}

function DiscussionsSection({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  return (
    <Section title={t('enforcement.cases.sections.discussions')} testId="discussions">
      {c.discussions.length > 0 ? (
        <List
          size="small"
          dataSource={c.discussions}
          renderItem={(d) => (
            <List.Item data-testid="case-discussion">
              <Flex vertical gap={2}>
                <Typography.Text type="secondary">
                  {d.heldOn} · {t('enforcement.cases.discussion.recordedBy')} {d.recordedBy}
                </Typography.Text>
                <span>
                  {t('enforcement.cases.discussion.participants')}：{d.participants}
                </span>
                <span style={{ whiteSpace: 'pre-wrap' }}>
                  {t('enforcement.cases.discussion.conclusion')}：{d.conclusion}
                </span>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Section>
  );
}

function DecisionSection({ c }: { c: EnforcementCase }) {
  const { t, yuan, kinds, none } = useLabels();
  const d = c.decision;
  return (
    <Section title={t('enforcement.cases.sections.decision')} testId="decision">
      {d ? (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
          <Descriptions.Item label={t('enforcement.cases.decision.number')} span={2}>
            <Typography.Text strong data-testid="case-decision-no">
              {d.decisionNo}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.decidedOn')}>{d.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.deliveryDueOn')}>{d.deliveryDueOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.kinds')} span={2}>
            {kinds(d.kinds)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.fine')}>
            <span data-testid="case-decision-fine">{yuan(d.fine)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.confiscation')}>
            {yuan(d.confiscation)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.degree')}>
            {d.benchmarkDegree && isDegree(d.benchmarkDegree)
              ? t(`enforcement.cases.degrees.${d.benchmarkDegree}`)
              : (d.benchmarkDegree ?? none)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.noPenaltyReason')}>
            {d.noPenaltyReason ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.decision.legalBasis')} span={2}>
            <Typography.Paragraph style={PRE}>{d.legalBasis ?? none}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Section>
  );
}

function ExecutionSection({ c }: { c: EnforcementCase }) {
  const { t, yuan, none } = useLabels();
  const x = c.execution;
  const late = x?.lateFeeToday ?? 0;
  return (
    <Section title={t('enforcement.cases.sections.execution')} testId="execution">
      {x ? (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
          <Descriptions.Item label={t('enforcement.cases.execution.deliveredOn')}>{x.deliveredOn}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.deliveryMethod')}>
            {isDeliveryMethod(x.deliveryMethod)
              ? t(`enforcement.cases.deliveryMethods.${x.deliveryMethod}`)
              : x.deliveryMethod}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.paymentDueOn')}>
            <span data-testid="case-payment-due">{x.paymentDueOn ?? none}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.lateFeeToday')}>
            <Typography.Text type={late > 0 ? 'danger' : undefined} data-testid="case-late-fee-today">
              {x.lateFeeToday == null ? none : yuan(x.lateFeeToday)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.paidOn')}>{x.paidOn ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.paidAmount')}>
            {yuan(x.paidAmount)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.lateFee')}>{yuan(x.lateFee)}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.execution.note')}>{x.note ?? none}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Section>
  );
}

/** A timeline line's step (登记线索, 立案, 告知…) and the state it moved to. */
function useEventLabels() {
  const { t } = useTranslation();
  return {
    action: (e: WorkflowEvent) =>
      e.action === 'register'
        ? t('enforcement.cases.actions.register')
        : isCaseAction(e.action)
          ? t(`enforcement.cases.actions.${e.action}`)
          : e.action,
    state: (e: WorkflowEvent) =>
      isCaseState(e.toState) && e.toState !== e.fromState ? (
        <Tag color={caseStateColor(e.toState)} style={{ marginInlineEnd: 0 }}>
          {t(`enforcement.cases.states.${e.toState}`)}
        </Tag>
      ) : null,
    color: (e: WorkflowEvent) =>
      isCaseState(e.toState) && caseStateColor(e.toState) !== 'default' ? caseStateColor(e.toState) : 'gray',
  };
}

/**
 * 案件详情: the lead, 立案, the officers, 告知, 听证, 法制审核, 集体讨论, the decision, 送达/执行 and the timeline, with
 * the steps this user may take now.
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const changed = useCaseChanged();
  const labels = useEventLabels();
  const query = useCase(id);

  if (query.isPending || query.isError) return <RecordStatus error={query.error} />;
  const c = query.data.data;
  const etag = query.data.etag ?? etagOf(c.version);

  return (
    <>
      <PageHeader
        title={<span data-testid="case-title">{c.partyName ? `${c.partyName} · ${c.place}` : c.place}</span>}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <CaseStateTag state={c.state} />
            <CaseDueTag value={c} />
            <span>{c.domainName}</span>
            <span>{t(`enforcement.cases.sources.${c.source}`)}</span>
            {c.referredByName ? (
              <span data-testid="case-referred-by">
                {t('enforcement.cases.fields.referredBy')}：{c.referredByName}
              </span>
            ) : null}
            {c.coOwners.length > 0 ? (
              <span data-testid="case-co-owners">
                {t('enforcement.cases.fields.coOwners')}：
                {c.coOwners.map((o, i) => (
                  <span key={o.unitId} title={`${o.addedOn} · ${o.addedBy}`} data-testid="case-co-owner">
                    {i > 0 ? '、' : ''}
                    {o.name}
                  </span>
                ))}
              </span>
            ) : null}
          </Flex>
        }
        extra={
          <>
            <CasePrintMenu c={c} />
            <Link to="/enforcement/cases">
              <Button icon={<ArrowLeftOutlined />}>{t('enforcement.cases.back')}</Button>
            </Link>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <LeadSection c={c} />
          <FilingSection c={c} />
          <OfficersSection c={c} />
          <EvidenceSection c={c} />
          <NoticeSection c={c} />
          <HearingSection c={c} />
          <ReviewsSection c={c} />
          <DiscussionsSection c={c} />
          <DecisionSection c={c} />
          <ExecutionSection c={c} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('enforcement.cases.sections.actions')} style={{ marginBottom: 16 }}>
            <CaseActionPanel
              c={c}
              etag={etag}
              onChanged={changed}
              onReload={() => queryClient.invalidateQueries({ queryKey: enforcementKeys.case(id), exact: true })}
            />
          </Card>
          <Card title={t('enforcement.cases.sections.timeline')}>
            <WorkflowTimeline events={c.events} testId="case" {...labels} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
