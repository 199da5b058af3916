import { useState } from 'react';
import { App as AntApp, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Rectification, RectificationAction, RectificationEvent } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { etagOf } from '../../lib/versions';
import { ratingsApi, ratingsKeys } from './api';
import {
  isOpenRectification,
  isRectificationAction,
  isRectificationState,
  rectificationStateColor,
  visibleRectificationActions,
} from './model';
import { CallbackContact } from './CallbackContact';
import { RectificationActionButtons, RectificationActionModal } from './RectificationActions';
import { OverdueTag, RatingLevelTag, RectificationStateTag } from './RatingTags';
import './ratings.css';

/** A timeline line's step and the state it moved to; the rater's answer or the decision, when coded, in words. */
function useEventLabels() {
  const { t } = useTranslation();
  return {
    action: (e: RectificationEvent) =>
      e.action === 'open' ? t('ratings.actions.open') : isRectificationAction(e.action) ? t(`ratings.actions.${e.action}`) : e.action,
    state: (e: RectificationEvent) =>
      isRectificationState(e.toState) && e.fromState !== e.toState ? (
        <RectificationStateTag state={e.toState} testId="rectification-event-state" />
      ) : null,
    // the API keeps the rater's answer or the decision as the note when nobody wrote one
    note: (e: RectificationEvent) =>
      e.note === 'satisfied' || e.note === 'unsatisfied'
        ? t(`ratings.responses.${e.note}`)
        : e.note === 'upheld' || e.note === 'rejected'
          ? t(`ratings.decisions.${e.note}`)
          : e.note,
  };
}

function Details({ x }: { x: Rectification }) {
  const { t } = useTranslation();
  const dash = (v: string | null | undefined) => (v && v !== '' ? v : '—');
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      bordered
      size="small"
      data-testid="rectification-detail"
      styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
    >
      <Descriptions.Item label={t('ratings.fields.application')}>
        <Link to={`/services/applications/${x.applicationId}`} className="rt-number" data-testid="rectification-number">
          {x.applicationNumber}
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.item')}>
        <Link to={`/services/applications/${x.applicationId}`} data-testid="rectification-application-link">
          {x.itemName}
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.centre')}>{x.centreName}</Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.ratedOn')}>{x.ratedOn}</Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.level')}>
        <RatingLevelTag level={x.level} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.state')}>
        <RectificationStateTag state={x.state} name={x.stateName} testId="rectification-detail-state" />
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.contact')} span={2}>
        {x.contact ? <CallbackContact rectificationId={x.id} contact={x.contact} /> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.comment')} span={2}>
        <span data-testid="rectification-rating-comment">{dash(x.ratingComment)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.dueOn')} span={2}>
        <Flex gap={6} align="center" wrap>
          <span style={x.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined} data-testid="rectification-due">
            {x.dueOn}
          </span>
          <OverdueTag rectification={x} />
          {!x.overdue && isOpenRectification(x.state) ? (
            <Typography.Text type="secondary">{t('ratings.detail.dueHint')}</Typography.Text>
          ) : null}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.notes.callback')} span={2}>
        <span data-testid="rectification-callback-note">{dash(x.callbackNote)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.notes.rectify')} span={2}>
        <span data-testid="rectification-rectify-note">{dash(x.rectificationNote)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.rectifiedOn')}>
        <Flex gap={6} align="center" wrap>
          <span>{dash(x.rectifiedOn)}</span>
          {x.rectifiedOn ? (
            <Tag color={x.rectifiedInTime ? 'green' : 'red'} data-testid="rectification-in-time" data-in-time={x.rectifiedInTime}>
              {x.rectifiedInTime ? t('ratings.detail.inTime') : t('ratings.detail.late')}
            </Tag>
          ) : null}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('ratings.fields.raterResponse')}>
        <span data-testid="rectification-rater-response">{x.raterResponse ? t(`ratings.responses.${x.raterResponse}`) : '—'}</span>
        {x.raterComment ? <div>{x.raterComment}</div> : null}
      </Descriptions.Item>
      {x.appealReason ? (
        <Descriptions.Item label={t('ratings.notes.appeal')} span={2}>
          {x.appealReason}
        </Descriptions.Item>
      ) : null}
      {x.appealDecision ? (
        <Descriptions.Item label={t('ratings.fields.appealDecision')} span={2}>
          <Tag color={x.appealDecision === 'upheld' ? 'default' : 'orange'} data-testid="rectification-decision-value">
            {t(`ratings.decisions.${x.appealDecision}`)}
          </Tag>
          {x.appealNote}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** 差评整改 detail: the bad rating, the deadline, the timeline, and a form for exactly the actions the API allows. */
export function RectificationDetailPage() {
  const { t } = useTranslation();
  const labels = useEventLabels();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<RectificationAction | null>(null);
  const query = useQuery({
    queryKey: ratingsKeys.rectification(id),
    queryFn: ({ signal }) => ratingsApi.rectification(id, false, signal),
    enabled: !!id,
  });

  if (query.isPending || query.isError) return <RecordStatus error={query.error} />;
  const { data: x, etag } = query.data;
  const reload = () => queryClient.invalidateQueries({ queryKey: ratingsKeys.rectification(id), exact: true });

  return (
    <>
      <PageHeader
        title={<span data-testid="rectification-title">{x.itemName}</span>}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <RectificationStateTag state={x.state} name={x.stateName} />
            <OverdueTag rectification={x} testId="rectification-header-overdue" />
            <span>{x.centreName}</span>
          </Flex>
        }
        extra={
          <span data-testid="rectification-actions" style={{ display: 'contents' }}>
            <RectificationActionButtons rectification={x} onAction={setAction} />
          </span>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card style={{ marginBottom: 16 }}>
            <Details x={x} />
            {visibleRectificationActions(x).length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="rectification-no-actions">
                {t('ratings.detail.noActions')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('ratings.detail.timeline')}>
            <WorkflowTimeline
              events={x.events}
              testId="rectification"
              {...labels}
              color={(e) =>
                isRectificationState(e.toState) && rectificationStateColor(e.toState) !== 'default'
                  ? rectificationStateColor(e.toState)
                  : 'gray'
              }
            />
          </Card>
        </Col>
      </Row>
      <RectificationActionModal
        rectification={x}
        action={action}
        etag={etag ?? etagOf(x.version)}
        onClose={() => setAction(null)}
        onReload={reload}
        onDone={(next, nextEtag) => {
          const done = action;
          setAction(null);
          if (done) void message.success(t('ratings.action.done', { action: t(`ratings.actions.${done}`) }));
          queryClient.setQueryData(ratingsKeys.rectification(id), { data: next, etag: nextEtag ?? etagOf(next.version) });
          void queryClient.invalidateQueries({ queryKey: ratingsKeys.rectificationLists });
        }}
      />
    </>
  );
}
