import { useState } from 'react';
import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Segmented,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { EvaluationModule, KpiCatalogueEntry, KpiValueRow, RegionLevel } from '../../../lib/api/types';
import { kpiApi, kpiKeys } from '../../../lib/api/kpis';
import { usePermission } from '../../../lib/auth/useAuth';
import {
  formatKpiValue,
  formatTarget,
  isQuotient,
  metColor,
  metTone,
  KPI_REVISIONS,
  type KpiRevisionChoice,
} from '../../../lib/kpis';
import { usePhone } from '../../../lib/usePhone';
import { KpiStatusTag } from '../../../components/KpiStatusTag';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { figureFindingValues, type PostFindingValues } from '../model';
import { PostFindingModal } from '../PostFindingModal';
import { mayQuote, newestFirst, workspaceKpiQuery, type WorkspaceKey, type WorkspaceKpiFilter } from './model';

interface Props {
  modules: readonly EvaluationModule[];
  /** The months the grant lets the evaluator ask (YYYY-MM). */
  months: { first: string; last: string };
  filter: WorkspaceKpiFilter;
  setFilters: (patch: Partial<Record<WorkspaceKey, string | undefined>>) => void;
}

const LEVELS: readonly RegionLevel[] = ['province', 'county', 'township', 'village'];
const isLevel = (l: string): l is RegionLevel => (LEVELS as readonly string[]).includes(l);

/** A KPI of the catalogue in words: what it counts (÷ what), unit, target and direction, levels and version. */
function KpiDefinitionView({ def }: { def: KpiCatalogueEntry }) {
  const { t } = useTranslation();
  const quotient = isQuotient(def);
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      styles={{ label: { width: 120 } }}
      data-testid="workspace-definition"
      data-code={def.code}
    >
      <Descriptions.Item label={t('workspace.definition.code')}>{def.code}</Descriptions.Item>
      <Descriptions.Item label={t('workspace.definition.name')}>{def.name}</Descriptions.Item>
      <Descriptions.Item label={t('workspace.definition.module')}>
        {t(`grant.moduleNames.${def.module as EvaluationModule}`, { defaultValue: def.module })}
      </Descriptions.Item>
      <Descriptions.Item label={quotient ? t('workspace.definition.numerator') : t('workspace.definition.count')}>
        <span data-testid="workspace-definition-numerator">{def.numerator}</span>
      </Descriptions.Item>
      {quotient ? (
        <Descriptions.Item label={t('workspace.definition.denominator')}>
          <span data-testid="workspace-definition-denominator">{def.denominator}</span>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('workspace.definition.unit')}>{def.unit || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('workspace.definition.target')}>
        <span data-testid="workspace-definition-target">{formatTarget(def)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('workspace.definition.direction')}>
        {t(`workspace.definition.directions.${def.direction}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('workspace.definition.levels')}>
        {def.levels.map((l) => (isLevel(l) ? t(`region.levels.${l}`) : l)).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('workspace.definition.version')}>
        <Tooltip title={t('workspace.definition.versionHint')}>
          <span data-testid="workspace-definition-version">{def.version}</span>
        </Tooltip>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 指标: every KPI of the modules the grant opens (or one of them) from the one KPI query, for a region in scope and
 * months of the grant's period — each figure with its numerator / denominator, target, 临时 or 已冻结 at its revision
 * and the version of its definition, the definition itself a click away; 提出意见 on a frozen figure opens the finding
 * form with the figure quoted; the same query as CSV.
 */
export function KpiTab({ modules, months, filter, setFilters }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const mayPost = usePermission('findings.post');
  const [shown, setShown] = useState<string | null>(null);
  const [quoting, setQuoting] = useState<PostFindingValues | null>(null);
  const query = workspaceKpiQuery(filter);

  const definitions = useQuery({
    queryKey: kpiKeys.definitions(),
    queryFn: ({ signal }) => kpiApi.definitions(undefined, signal),
    staleTime: 10 * 60_000,
  });
  const values = useQuery({
    queryKey: kpiKeys.values(query),
    queryFn: ({ signal }) => kpiApi.values(query, signal),
  });
  const byCode = new Map((definitions.data ?? []).map((d) => [d.code, d]));
  const rows = newestFirst(values.data ?? []);
  const shownDef = shown ? byCode.get(shown) : undefined;
  const c = (
    k:
      | 'code'
      | 'name'
      | 'module'
      | 'region'
      | 'month'
      | 'value'
      | 'fraction'
      | 'target'
      | 'met'
      | 'revision'
      | 'version'
      | 'status'
      | 'actions',
  ) => t(`workspace.kpis.columns.${k}`);
  const month = (m: string) => dayjs(`${m}-01`);

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }} data-testid="workspace-kpi-filters">
        <Select<EvaluationModule>
          allowClear
          placeholder={t('workspace.kpis.allModules')}
          aria-label={t('workspace.kpis.module')}
          value={filter.module}
          onChange={(v) => setFilters({ module: v })}
          options={modules.map((m) => ({ value: m, label: t(`grant.moduleNames.${m}`) }))}
          style={phone ? { width: '100%' } : { minWidth: 170 }}
          data-testid="workspace-kpi-module"
        />
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          aria-label={t('workspace.kpis.range')}
          value={[month(filter.from), month(filter.to)]}
          disabledDate={(d) => d.isBefore(month(months.first), 'month') || d.isAfter(month(months.last), 'month')}
          onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM'), to: range?.[1]?.format('YYYY-MM') })}
          style={{ width: phone ? '100%' : undefined }}
          data-testid="workspace-kpi-range"
        />
        <RegionTreeSelect
          value={filter.regionId}
          onChange={(v) => setFilters({ regionId: v })}
          placeholder={t('workspace.kpis.regionPlaceholder')}
          style={phone ? { minWidth: 0, width: '100%' } : { minWidth: 200 }}
          testId="workspace-kpi-region"
        />
        <Flex gap={6} align="center">
          <Segmented<KpiRevisionChoice>
            value={filter.revision}
            onChange={(v) => setFilters({ revision: v === 'latest' ? undefined : v })}
            options={KPI_REVISIONS.map((r) => ({
              value: r,
              label: <span data-testid={`workspace-kpi-revision-${r}`}>{t(`workspace.kpis.revisions.${r}`)}</span>,
            }))}
            data-testid="workspace-kpi-revision"
          />
          <Tooltip title={t('workspace.kpis.revisionHint')}>
            <QuestionCircleOutlined style={{ opacity: 0.6 }} />
          </Tooltip>
        </Flex>
        <Button icon={<DownloadOutlined />} href={kpiApi.csvUrl(query)} data-testid="workspace-kpi-csv">
          {t('workspace.kpis.exportCsv')}
        </Button>
      </Flex>
      {values.error ? <ProblemAlert error={values.error} style={{ marginBottom: 16 }} /> : null}
      {definitions.error ? <ProblemAlert error={definitions.error} style={{ marginBottom: 16 }} /> : null}
      <Table<KpiValueRow>
        data-testid="workspace-kpi-table"
        rowKey={(r) => `${r.month}/${r.regionId}/${r.code}`}
        size="small"
        loading={values.isPending}
        dataSource={rows}
        scroll={{ x: 1500 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        footer={
          rows.length > 0
            ? () => (
                <Typography.Text type="secondary">{t('workspace.kpis.count', { count: rows.length })}</Typography.Text>
              )
            : undefined
        }
        locale={{
          emptyText: <Empty description={values.error ? t('workspace.kpis.failed') : t('workspace.kpis.empty')} />,
        }}
        onRow={(r) =>
          ({
            'data-testid': 'workspace-kpi-row',
            'data-code': r.code,
            'data-month': r.month,
            'data-frozen': r.frozen,
            'data-revision': r.revision,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: c('code'),
            key: 'code',
            width: 150,
            fixed: phone ? undefined : 'left',
            render: (_: unknown, r) => (
              <Typography.Link onClick={() => setShown(r.code)} data-testid="workspace-kpi-code">
                {r.code}
              </Typography.Link>
            ),
          },
          { title: c('name'), dataIndex: 'name', key: 'name', width: 160 },
          {
            title: c('module'),
            key: 'module',
            width: 110,
            render: (_: unknown, r) =>
              t(`grant.moduleNames.${r.module as EvaluationModule}`, { defaultValue: r.module }),
          },
          { title: c('region'), dataIndex: 'regionName', key: 'region', width: 110 },
          { title: c('month'), dataIndex: 'month', key: 'month', width: 85 },
          {
            title: c('value'),
            key: 'value',
            width: 100,
            align: 'right',
            render: (_: unknown, r) => {
              const tone = metTone(r.met);
              return (
                <span style={{ color: metColor(tone) }} data-testid="workspace-kpi-value">
                  {formatKpiValue(r.unit, r.value)}
                </span>
              );
            },
          },
          {
            title: c('fraction'),
            key: 'fraction',
            width: 110,
            align: 'right',
            render: (_: unknown, r) => {
              const def = byCode.get(r.code);
              return !def || isQuotient(def) ? (
                <span data-testid="workspace-kpi-fraction">
                  {r.numerator} / {r.denominator}
                </span>
              ) : (
                <span data-testid="workspace-kpi-fraction">{r.numerator}</span>
              );
            },
          },
          {
            title: c('target'),
            key: 'target',
            width: 100,
            render: (_: unknown, r) => {
              const def = byCode.get(r.code);
              return def ? formatTarget(def) : formatKpiValue(r.unit, r.target);
            },
          },
          {
            title: c('met'),
            key: 'met',
            width: 80,
            render: (_: unknown, r) => {
              const tone = metTone(r.met);
              return tone === 'none' ? (
                '—'
              ) : (
                <Tag color={tone === 'met' ? 'green' : 'red'} data-testid="workspace-kpi-met">
                  {tone === 'met' ? t('workspace.kpis.met') : t('workspace.kpis.missed')}
                </Tag>
              );
            },
          },
          { title: c('revision'), dataIndex: 'revision', key: 'revision', width: 80, align: 'right' },
          { title: c('version'), dataIndex: 'definitionVersion', key: 'version', width: 110 },
          {
            title: c('status'),
            key: 'status',
            width: 140,
            render: (_: unknown, r) => (
              <KpiStatusTag
                line={r}
                provisionalHint={t('workspace.kpis.provisionalHint')}
                testId="workspace-kpi-status"
              />
            ),
          },
          {
            title: c('actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, r) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setShown(r.code)} data-testid="workspace-kpi-define">
                  {t('workspace.kpis.definition')}
                </Button>
                {mayPost && mayQuote(r) ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setQuoting(figureFindingValues(r))}
                    data-testid="workspace-kpi-quote"
                  >
                    {t('workspace.kpis.quote')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Drawer
        open={!!shown}
        onClose={() => setShown(null)}
        size={phone ? '100%' : 520}
        title={shown ? t('workspace.definition.title', { code: shown }) : null}
        data-testid="workspace-definition-drawer"
      >
        {shownDef ? (
          <KpiDefinitionView def={shownDef} />
        ) : definitions.isPending ? null : (
          <Empty description={t('workspace.definition.unknown')} />
        )}
      </Drawer>
      <PostFindingModal
        open={!!quoting}
        initialValues={quoting ?? undefined}
        onClose={() => setQuoting(null)}
        onDone={() => setQuoting(null)}
      />
    </>
  );
}
