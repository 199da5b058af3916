import { useState } from 'react';
import { App as AntApp, Descriptions, Divider, Drawer, Flex, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingAction, WorkflowEvent } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { etagOf } from '../../lib/versions';
import { ActionButtons } from '../../components/ActionButtons';
import { RecordStatus } from '../../components/RecordStatus';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { findingsApi, findingsKeys } from './api';
import { FindingActionModal } from './FindingActionModal';
import { FindingStateTag, SeverityTag } from './FindingTags';
import { FindingSubject } from './FindingSubject';
import { findingStateColor, isFindingAction, isFindingState, visibleFindingActions } from './model';

/** A line of the thread: the step in words (提出意见, 答复…) and the state it moved to. */
function useThreadLabels() {
  const { t } = useTranslation();
  return {
    action: (e: WorkflowEvent) =>
      e.action === 'post'
        ? t('findings.actions.post')
        : isFindingAction(e.action)
          ? t(`findings.actions.${e.action}`)
          : e.action,
    state: (e: WorkflowEvent) =>
      isFindingState(e.toState) && e.fromState !== e.toState ? (
        <FindingStateTag state={e.toState} testId="finding-event-state" />
      ) : null,
    color: (e: WorkflowEvent) =>
      isFindingState(e.toState) && findingStateColor(e.toState) !== 'default' ? findingStateColor(e.toState) : 'gray',
  };
}

function Details({ f }: { f: Finding }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} bordered size="small" data-testid="finding-detail" styles={{ label: { width: 110 } }}>
      <Descriptions.Item label={t('findings.fields.subject')}>
        <FindingSubject f={f} />
      </Descriptions.Item>
      <Descriptions.Item label={t('findings.fields.module')}>{t(`findings.modules.${f.module}`)}</Descriptions.Item>
      <Descriptions.Item label={t('findings.fields.region')}>{f.regionName}</Descriptions.Item>
      <Descriptions.Item label={t('findings.fields.severity')}>
        <SeverityTag severity={f.severity} />
      </Descriptions.Item>
      <Descriptions.Item label={t('findings.fields.state')}>
        <FindingStateTag state={f.state} testId="finding-detail-state" />
      </Descriptions.Item>
      <Descriptions.Item label={t('findings.fields.createdBy')}>
        {f.createdBy} · {formatDateTime(f.createdAt)}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One finding: its subject, the whole thread, and a button for each step the API allows this user now. */
export function FindingDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useThreadLabels();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<FindingAction | null>(null);
  const query = useQuery({
    queryKey: findingsKeys.finding(id ?? ''),
    queryFn: ({ signal }) => findingsApi.finding(id ?? '', signal),
    enabled: !!id,
  });
  const f = query.data?.data;
  const reload = () => queryClient.invalidateQueries({ queryKey: findingsKeys.finding(id ?? ''), exact: true });

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={<span data-testid="finding-title">{f?.title}</span>}
      extra={
        f ? (
          <Flex gap={8} data-testid="finding-actions">
            <ActionButtons
              actions={visibleFindingActions(f)}
              label={(a) => t(`findings.actions.${a}`)}
              danger={() => false}
              testIdPrefix="finding-action-"
              onAction={setAction}
            />
          </Flex>
        ) : null
      }
      data-testid="finding-drawer"
    >
      {!f ? (
        <RecordStatus error={query.error} />
      ) : (
        <>
          <Details f={f} />
          {visibleFindingActions(f).length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="finding-no-actions">
              {t('findings.detail.noActions')}
            </Typography.Paragraph>
          ) : null}
          <Divider titlePlacement="start">{t('findings.detail.thread')}</Divider>
          <WorkflowTimeline
            events={f.thread}
            testId="finding"
            {...labels}
            note={(e) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{e.note}</Typography.Paragraph>
            )}
          />
          <FindingActionModal
            finding={f}
            action={action}
            etag={query.data?.etag ?? etagOf(f.version)}
            onClose={() => setAction(null)}
            onReload={reload}
            onDone={(next, nextEtag) => {
              const done = action;
              setAction(null);
              if (done) void message.success(t('findings.action.done', { action: t(`findings.actions.${done}`) }));
              queryClient.setQueryData(findingsKeys.finding(next.id), {
                data: next,
                etag: nextEtag ?? etagOf(next.version),
              });
              void queryClient.invalidateQueries({ queryKey: findingsKeys.lists });
              void queryClient.invalidateQueries({ queryKey: findingsKeys.summary });
            }}
          />
        </>
      )}
    </Drawer>
  );
}
