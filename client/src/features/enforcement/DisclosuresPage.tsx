import { useState } from 'react';
import { App as AntApp, Card, Checkbox, Flex, Select, Space, Tag, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Disclosure, DisclosureAction } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { etagOf } from '../../lib/versions';
import { ActionButtons } from '../../components/ActionButtons';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { enforcementApi, enforcementKeys } from './api';
import {
  disclosureFilterFromQuery,
  disclosureLateness,
  disclosureStateColor,
  visibleDisclosureActions,
  DISCLOSURE_FILTER_KEYS,
  DISCLOSURE_STATES,
} from './disclosureModel';
import { DisclosureActionModal } from './DisclosureActionModal';

interface Acting {
  disclosure: Disclosure;
  etag: string;
  action: DisclosureAction;
}

function StateTags({ d }: { d: Disclosure }) {
  const { t } = useTranslation();
  const lateness = disclosureLateness(d);
  return (
    <Space size={4} wrap>
      <Tag color={disclosureStateColor(d.state)} data-testid="disclosure-row-state" data-state={d.state}>
        {t(`enforcement.disclosures.states.${d.state}`)}
      </Tag>
      {lateness ? (
        <Tag
          color="red"
          icon={<ExclamationCircleOutlined />}
          data-testid="disclosure-row-lateness"
          data-late={lateness}
        >
          {t(`enforcement.disclosures.lateness.${lateness}`)}
        </Tag>
      ) : null}
    </Space>
  );
}

/**
 * 执法公示管理: every decision's disclosure in scope, newest decision first, by state or 逾期 (published late or still
 * pending past its day); 公示 and 撤回 exactly as the API allows this user, each with If-Match.
 */
export function DisclosuresPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [values, setFilters] = useSearchFilters(DISCLOSURE_FILTER_KEYS);
  const filter = disclosureFilterFromQuery(values);
  const list = useCursorList<Disclosure>(enforcementKeys.disclosures(filter), (cursor, signal) =>
    enforcementApi.disclosures({ ...filter, cursor, limit: 50 }, signal),
  );
  const [acting, setActing] = useState<Acting | null>(null);
  const none = t('common.none');
  const refreshLists = () => queryClient.invalidateQueries({ queryKey: enforcementKeys.disclosureLists });

  return (
    <>
      <PageHeader title={t('enforcement.nav.disclosures')} subtitle={t('enforcement.disclosures.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="disclosures-filters">
          <Select
            allowClear
            placeholder={t('enforcement.disclosures.allStates')}
            style={{ minWidth: 150 }}
            value={filter.state}
            onChange={(v) => setFilters({ state: v })}
            options={DISCLOSURE_STATES.map((s) => ({ value: s, label: t(`enforcement.disclosures.states.${s}`) }))}
            data-testid="disclosures-state"
          />
          <Checkbox
            checked={filter.late === true}
            onChange={(e) => setFilters({ late: e.target.checked ? 'true' : undefined })}
            data-testid="disclosures-late"
          >
            {t('enforcement.disclosures.lateOnly')}
          </Checkbox>
        </Flex>
        <CursorTable<Disclosure>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1240 }}
          data-testid="disclosures-table"
          onRow={(d) =>
            ({
              'data-testid': 'disclosure-row',
              'data-id': d.id,
              'data-state': d.state,
              'data-late': String(d.late),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('enforcement.disclosures.fields.state'),
              key: 'state',
              width: 150,
              render: (_: unknown, d) => <StateTags d={d} />,
            },
            {
              title: t('enforcement.disclosures.fields.decisionNo'),
              key: 'decisionNo',
              width: 260,
              render: (_: unknown, d) => (
                <Flex vertical>
                  <Typography.Text strong data-testid="disclosure-row-no">
                    {d.decisionNo}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.kind === 'penalty' || d.kind === 'other' ? t(`enforcement.disclosures.kinds.${d.kind}`) : d.kind}
                    {' · '}
                    <Link to={`/enforcement/cases/${d.caseId}`} data-testid="disclosure-case-link">
                      {t('enforcement.disclosures.caseLink')}
                    </Link>
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('enforcement.disclosures.fields.party'),
              key: 'party',
              width: 170,
              render: (_: unknown, d) =>
                d.partyDisplay ? (
                  <Flex vertical>
                    <span data-testid="disclosure-row-party">{d.partyDisplay}</span>
                    {d.creditCode ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {d.creditCode}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('enforcement.disclosures.partyAfterPublish')}</Typography.Text>
                ),
            },
            { title: t('enforcement.disclosures.fields.decidedOn'), dataIndex: 'decidedOn', width: 110 },
            {
              title: t('enforcement.disclosures.fields.dueOn'),
              key: 'dueOn',
              width: 110,
              render: (_: unknown, d) => (
                <Typography.Text
                  type={disclosureLateness(d) === 'overdue' ? 'danger' : undefined}
                  data-testid="disclosure-row-due"
                >
                  {d.dueOn}
                </Typography.Text>
              ),
            },
            {
              title: t('enforcement.disclosures.fields.publishedOn'),
              key: 'publishedOn',
              width: 110,
              render: (_: unknown, d) => (
                <span data-testid="disclosure-row-published">
                  {d.publishedOn ?? t('enforcement.disclosures.notPublished')}
                </span>
              ),
            },
            {
              title: t('enforcement.disclosures.fields.retraction'),
              key: 'retraction',
              width: 200,
              render: (_: unknown, d) =>
                d.retractedOn ? (
                  <Flex vertical data-testid="disclosure-row-retraction">
                    <span>
                      {t('enforcement.disclosures.retracted', {
                        date: d.retractedOn,
                        reason: d.retractionReason ?? none,
                      })}
                    </span>
                    {d.retractionDueOn ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('enforcement.disclosures.retractionDue', { date: d.retractionDueOn })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ) : (
                  none
                ),
            },
            {
              title: t('enforcement.disclosures.fields.actions'),
              key: 'actions',
              width: 130,
              fixed: 'right',
              render: (_: unknown, d) => {
                const actions = visibleDisclosureActions(d);
                return actions.length === 0 ? (
                  <Typography.Text type="secondary">{none}</Typography.Text>
                ) : (
                  <Space size={4} wrap>
                    <ActionButtons
                      actions={actions}
                      label={(a) => t(`enforcement.disclosures.actions.${a}`)}
                      danger={(a) => a === 'retract'}
                      testIdPrefix="disclosure-action-"
                      onAction={(action) => setActing({ disclosure: d, etag: etagOf(d.version), action })}
                    />
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      {acting ? (
        <DisclosureActionModal
          disclosure={acting.disclosure}
          action={acting.action}
          etag={acting.etag}
          onClose={() => setActing(null)}
          onReload={async () => {
            const fresh = await enforcementApi.disclosure(acting.disclosure.id);
            setActing({ ...acting, disclosure: fresh.data, etag: fresh.etag ?? etagOf(fresh.data.version) });
            await refreshLists();
          }}
          onDone={() => {
            const name = t(`enforcement.disclosures.actions.${acting.action}`);
            setActing(null);
            void message.success(t('enforcement.disclosures.done', { action: name }));
            void refreshLists();
          }}
        />
      ) : null}
    </>
  );
}
