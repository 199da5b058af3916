import { useCallback, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, Popconfirm, Select, Statistic, Typography } from 'antd';
import { NodeIndexOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ExerciseMode, ListKind, TownshipEntry, TownshipListQuery } from '../../lib/api/types';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { problemMessage } from '../../components/ProblemAlert';
import { RecordStatus } from '../../components/RecordStatus';
import { hasPermission, useCurrentUser, countyOf } from '../../lib/auth/useAuth';
import { powersApi, powersKeys } from './api';
import { AsOfBanner, AsOfPicker } from '../../components/AsOfPicker';
import { AssignItemsModal } from './AssignItemsModal';
import { EndEntryModal } from './EndEntryModal';
import { EntriesTable } from './EntriesTable';
import { useDomains, useTownshipsOf } from './hooks';
import { effectiveAsOf } from '../../lib/dates';
import { EXERCISE_MODES, groupByListKind, isExerciseMode, isListKind, LIST_KINDS, unpublishedCount } from './model';
import './powers.css';

const FILTERS = ['asOf', 'domain', 'mode', 'listKind'] as const;

/** 乡镇清单: a township's list as of a date, grouped by list kind; assign, end, publish and print. */
export function TownshipListPage() {
  const { t } = useTranslation();
  const { townshipId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'powers.manage');
  const countyId = countyOf(me);
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<TownshipEntry | null>(null);
  const domains = useDomains();
  const siblings = useTownshipsOf(countyId);

  const asOf = effectiveAsOf(filters.asOf);
  const query: TownshipListQuery = {
    asOf,
    domain: filters.domain,
    mode: isExerciseMode(filters.mode) ? filters.mode : undefined,
    listKind: isListKind(filters.listKind) ? filters.listKind : undefined,
  };
  const list = useQuery({
    queryKey: powersKeys.township(townshipId, query),
    queryFn: ({ signal }) => powersApi.township(townshipId, query, signal),
    enabled: !!townshipId,
  });

  // Stable, so the (memoised, long) list does not re-render for every modal and confirmation of the page.
  const entryActions = useCallback(
    (e: TownshipEntry) =>
      e.effectiveTo === null || e.effectiveTo > asOf ? (
        <Typography.Link onClick={() => setEnding(e)} data-testid="entry-end">
          {t('powers.end.open')}
        </Typography.Link>
      ) : null,
    [asOf, t],
  );

  const publish = useMutation({
    mutationFn: () => powersApi.publish(townshipId),
    onSuccess: (r) => {
      void message.success(r.published > 0 ? t('powers.township.publishedDone', { count: r.published }) : t('powers.township.nothingToPublish'));
      void queryClient.invalidateQueries({ queryKey: powersKeys.townshipAll });
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });

  if (list.isPending || list.isError) return <RecordStatus error={list.error} />;

  const data = list.data;
  const problems = data.entries.filter((e) => e.problem);
  const unpublished = unpublishedCount(data.entries);
  const groups = groupByListKind(data.entries);

  return (
    <div className="pl-printable">
      <div className="print-only pl-print-title">
        {t('powers.township.printTitle', { township: data.townshipName, date: data.asOf })}
      </div>
      <div className="pl-screen-header">
      <PageHeader
        title={<span data-testid="township-title">{t('powers.township.title', { township: data.townshipName })}</span>}
        subtitle={t('powers.township.subtitle', { date: data.asOf, count: data.entries.length })}
        extra={
          <Flex gap={8} wrap className="no-print">
            {siblings.data && siblings.data.length > 1 ? (
              <Select<string>
                value={townshipId}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(id) => void navigate({ pathname: `/power-lists/townships/${id}`, search: window.location.search })}
                options={siblings.data.map((r) => ({ value: r.id, label: r.name }))}
                style={{ minWidth: 140 }}
                data-testid="township-switch"
              />
            ) : null}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="township-print">
              {t('powers.print')}
            </Button>
            {canManage ? (
              <>
                <Button icon={<NodeIndexOutlined />} onClick={() => setAssigning(true)} data-testid="township-assign">
                  {t('powers.assign.open')}
                </Button>
                <Popconfirm
                  title={t('powers.township.publishConfirmTitle')}
                  description={t('powers.township.publishConfirm', { township: data.townshipName, count: unpublished })}
                  okText={t('powers.township.publish')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ 'data-testid': 'publish-confirm' } as React.ComponentProps<typeof Button>}
                  onConfirm={() => publish.mutateAsync().catch(() => undefined)}
                >
                  <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="township-publish">
                    {t('powers.township.publish')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Flex>
        }
      />
      </div>
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Card className="no-print" style={{ marginBottom: 16 }} size="small">
        <Flex gap={12} wrap align="center" data-testid="township-filters">
          <AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} testId="township-as-of" />
          <Select<string>
            allowClear
            placeholder={t('powers.item.allDomains')}
            value={filters.domain}
            onChange={(v) => setFilters({ domain: v })}
            options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            style={{ minWidth: 170 }}
            data-testid="township-domain-filter"
          />
          <Select<ExerciseMode>
            allowClear
            placeholder={t('powers.township.allModes')}
            value={query.mode}
            onChange={(v) => setFilters({ mode: v })}
            options={EXERCISE_MODES.map((m) => ({ value: m, label: t(`powers.modes.${m}`) }))}
            style={{ minWidth: 120 }}
            data-testid="township-mode-filter"
          />
          <Select<ListKind>
            allowClear
            placeholder={t('powers.township.allListKinds')}
            value={query.listKind}
            onChange={(v) => setFilters({ listKind: v })}
            options={LIST_KINDS.map((k) => ({ value: k, label: t(`powers.listKinds.${k}`) }))}
            style={{ minWidth: 160 }}
            data-testid="township-list-kind-filter"
          />
        </Flex>
        <Flex gap={32} wrap style={{ marginTop: 12 }}>
          {groups.map((g) => (
            <Statistic key={g.kind} title={t(`powers.listKinds.${g.kind}`)} value={g.entries.length} />
          ))}
          {canManage ? <Statistic title={t('powers.township.unpublished')} value={unpublished} /> : null}
        </Flex>
      </Card>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          className="no-print"
          style={{ marginBottom: 16 }}
          data-testid="township-problems"
          title={t('powers.township.problems', { count: problems.length })}
        />
      ) : null}
      <Card>
        <EntriesTable
          entries={data.entries}
          internal
          actions={canManage ? entryActions : undefined}
        />
      </Card>
      {canManage ? (
        <>
          <AssignItemsModal
            open={assigning}
            countyId={countyId}
            townshipId={townshipId}
            onClose={() => setAssigning(false)}
            onAssigned={(entries) => {
              setAssigning(false);
              void message.success(t('powers.assign.done', { count: entries.length }));
              void queryClient.invalidateQueries({ queryKey: powersKeys.townshipAll });
            }}
          />
          <EndEntryModal
            entry={ending}
            onClose={() => setEnding(null)}
            onEnded={() => {
              setEnding(null);
              void message.success(t('powers.end.done'));
              void queryClient.invalidateQueries({ queryKey: powersKeys.townshipAll });
            }}
          />
        </>
      ) : null}
    </div>
  );
}
