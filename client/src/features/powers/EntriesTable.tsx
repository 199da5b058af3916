import { memo, useMemo, type ReactNode } from 'react';
import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExerciseMode, ListKind, PowerType, TownshipEntry } from '../../lib/api/types';
import { formatDate } from '../../lib/format';
import { displayPeriod } from '../../lib/dates';
import { entryRowClass, groupByListKind } from './model';

export const MODE_COLORS: Record<ExerciseMode, string> = { statutory: 'blue', granted: 'purple', entrusted: 'cyan' };
export const LIST_KIND_COLORS: Record<ListKind, string> = { basic: 'red', supporting: 'gold', withdrawn: 'default' };

/** 2024-01-01 起 / 2024-01-01 至 2026-12-31, on two lines. */
export function PeriodText({ from, to }: { from: string; to: string | null }) {
  const { t } = useTranslation();
  const period = displayPeriod(from, to);
  return (
    <Flex vertical gap={0}>
      <span>{period.lastDay ? from : t('powers.period.since', { date: from })}</span>
      {period.lastDay ? <Typography.Text type="secondary">{t('powers.period.until', { date: period.lastDay })}</Typography.Text> : null}
    </Flex>
  );
}

interface Props {
  entries: TownshipEntry[];
  /** Internal view: publication column, links to items and agreements. */
  internal?: boolean;
  /** Per-entry actions (e.g. 终止), internal view only. */
  actions?: (e: TownshipEntry) => ReactNode;
}

function EntriesTableView({ entries, internal = false, actions }: Props) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupByListKind(entries), [entries]);
  const columns = useMemo<TableColumnsType<TownshipEntry>>(
    () => [
      {
        title: t('powers.item.code'),
        dataIndex: 'code',
        key: 'code',
        width: 120,
        render: (code: string, e) =>
          internal ? <Link to={`/power-lists/items/${e.itemId}`}>{code}</Link> : code,
      },
      {
        title: t('powers.item.name'),
        dataIndex: 'name',
        key: 'name',
        minWidth: 240,
        render: (name: string, e) => (
          <Flex vertical gap={2}>
            <span data-testid="entry-name">{name || '—'}</span>
            {e.problem ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="entry-problem">
                <WarningOutlined /> {e.problem}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      },
      {
        title: t('powers.township.typeDomain'),
        key: 'type',
        width: 110,
        render: (_: unknown, e) => (
          <Flex vertical gap={2}>
            <span>{e.type ? t(`powers.types.${e.type as PowerType}`, { defaultValue: e.typeName }) : '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.domainName || '—'}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        title: t('powers.item.department'),
        dataIndex: 'departmentName',
        key: 'department',
        width: 130,
        render: (v: string | null) => v ?? '—',
      },
      {
        title: t('powers.township.mode'),
        key: 'mode',
        width: 150,
        render: (_: unknown, e) => (
          <Flex vertical gap={2}>
            <span>
              <Tag color={MODE_COLORS[e.mode]} data-testid="entry-mode">
                {t(`powers.modes.${e.mode}`)}
              </Tag>
            </span>
            {e.decisionNo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.decisionNo}</Typography.Text> : null}
            {e.agreementNo ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {internal && e.agreementId ? (
                  <Link to={`/power-lists/agreements/${e.agreementId}`}>{e.agreementNo}</Link>
                ) : (
                  e.agreementNo
                )}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      },
      {
        title: t('powers.township.period'),
        key: 'period',
        width: 120,
        render: (_: unknown, e) => <PeriodText from={e.effectiveFrom} to={e.effectiveTo} />,
      },
      ...(internal
        ? [
            {
              title: t('powers.township.status'),
              key: 'status',
              width: 130,
              render: (_: unknown, e: TownshipEntry) => (
                <Flex gap={4} wrap>
                  {e.exercisable ? (
                    <Tag color="green">{t('powers.township.exercisable')}</Tag>
                  ) : (
                    <Tag color={e.problem ? 'red' : 'default'}>{t('powers.township.notExercisable')}</Tag>
                  )}
                  {e.publishedAt ? (
                    <Tag data-testid="entry-published" title={formatDate(e.publishedAt)}>
                      {t('powers.township.published')}
                    </Tag>
                  ) : (
                    <Tag color="orange" data-testid="entry-unpublished">
                      {t('powers.township.unpublished')}
                    </Tag>
                  )}
                </Flex>
              ),
            },
          ]
        : []),
      ...(internal && actions
        ? [
            {
              title: t('common.actions'),
              key: 'actions',
              width: 70,
              className: 'no-print',
              render: (_: unknown, e: TownshipEntry) => actions(e),
            },
          ]
        : []),
    ],
    [t, internal, actions],
  );
  if (entries.length === 0) return <Empty description={t('powers.township.empty')} data-testid="entries-empty" />;
  return (
    <Flex vertical gap={24}>
      {groups.map((g) => (
        <section key={g.kind} data-testid="entries-group" data-list-kind={g.kind} className="pl-entries-group">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <Tag color={LIST_KIND_COLORS[g.kind]}>{t(`powers.listKinds.${g.kind}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('powers.township.groupCount', { count: g.entries.length })}
            </Typography.Text>
          </Typography.Title>
          <Table<TownshipEntry>
            data-testid="entries-table"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={g.entries}
            scroll={{ x: 1060 }}
            rowClassName={(e) => entryRowClass(e) ?? ''}
            onRow={(e) =>
              ({
                'data-testid': 'entry-row',
                'data-code': e.code,
                'data-problem': e.problem ? 'true' : 'false',
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={columns}
          />
        </section>
      ))}
    </Flex>
  );
}

/**
 * A township list grouped by list kind (基本 / 配合 / 收回), problem rows highlighted. Memoised: a list has hundreds of
 * rows, and the page around it re-renders for every modal and confirmation (keep `actions` stable with useCallback).
 */
export const EntriesTable = memo(EntriesTableView);

/**
 * The public list on a phone: one card per entry (name first, then code, type and domain, the mode with its
 * decision or agreement, the department and the period), grouped by list kind like the table.
 */
export function EntryCards({ entries }: { entries: TownshipEntry[] }) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupByListKind(entries), [entries]);
  if (entries.length === 0) return <Empty description={t('powers.township.empty')} data-testid="entries-empty" />;
  const small = { fontSize: 12 } as const;
  const typeName = (e: TownshipEntry) =>
    e.type ? t(`powers.types.${e.type as PowerType}`, { defaultValue: e.typeName }) : null;
  return (
    <Flex vertical gap={16}>
      {groups.map((g) => (
        <section key={g.kind} data-testid="entries-group" data-list-kind={g.kind} className="pl-entries-group">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <Tag color={LIST_KIND_COLORS[g.kind]}>{t(`powers.listKinds.${g.kind}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('powers.township.groupCount', { count: g.entries.length })}
            </Typography.Text>
          </Typography.Title>
          <Flex vertical gap={8}>
            {g.entries.map((e) => {
              const lastDay = displayPeriod(e.effectiveFrom, e.effectiveTo).lastDay;
              return (
                <Card key={e.id} size="small" className={entryRowClass(e)} data-testid="entry-card" data-code={e.code}>
                  <Typography.Text strong data-testid="entry-name">
                    {e.name || '—'}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={small}>
                      {[e.code, typeName(e), e.domainName].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                  <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
                    <Tag color={MODE_COLORS[e.mode]} data-testid="entry-mode">
                      {t(`powers.modes.${e.mode}`)}
                    </Tag>
                    {[e.departmentName, e.decisionNo, e.agreementNo].filter(Boolean).map((v) => (
                      <Typography.Text key={v} type="secondary" style={small}>
                        {v}
                      </Typography.Text>
                    ))}
                  </Flex>
                  <Typography.Text type="secondary" style={small}>
                    {t('powers.township.period')}：
                    {lastDay ? `${e.effectiveFrom} – ${lastDay}` : t('powers.period.since', { date: e.effectiveFrom })}
                  </Typography.Text>
                  {e.problem ? (
                    <div>
                      <Typography.Text type="danger" style={small} data-testid="entry-problem">
                        <WarningOutlined /> {e.problem}
                      </Typography.Text>
                    </div>
                  ) : null}
                </Card>
              );
            })}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
