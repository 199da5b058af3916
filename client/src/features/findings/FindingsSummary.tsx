import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { findingsApi, findingsKeys } from './api';
import type { FindingModule } from '../../lib/api/types';
import { pivotSummary, type SummaryCell, type SummaryRow } from './model';

/** A cell: how many wait for an answer (red when any) of how many; a link to those findings in the list. */
function Count({ cell, onPick }: { cell: SummaryCell | undefined; onPick: () => void }) {
  if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Link onClick={onPick} data-testid="findings-summary-cell" data-open={cell.open}>
      <Typography.Text type={cell.open > 0 ? 'danger' : undefined} strong={cell.open > 0}>
        {cell.open}
      </Typography.Text>
      <Typography.Text type="secondary"> / {cell.total}</Typography.Text>
    </Typography.Link>
  );
}

interface Props {
  /** A cell picked: the list filtered to that township (and module; all modules for the row's total). */
  onPick: (regionId: string, module: FindingModule | undefined) => void;
}

/** The overview by township × module: findings waiting for an answer (open or disputed) of all findings. */
export function FindingsSummary({ onPick }: Props) {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: findingsKeys.summary, queryFn: ({ signal }) => findingsApi.summary(signal) });
  const { modules, rows } = pivotSummary(summary.data ?? []);
  return (
    <Card
      title={t('findings.summary.title')}
      extra={<Typography.Text type="secondary">{t('findings.summary.hint')}</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      {summary.error ? <ProblemAlert error={summary.error} style={{ marginBottom: 16 }} /> : null}
      <Table<SummaryRow>
        size="small"
        rowKey="regionId"
        loading={summary.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('findings.summary.empty') }}
        data-testid="findings-summary"
        onRow={(r) =>
          ({ 'data-testid': 'findings-summary-row', 'data-region': r.regionName }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('findings.fields.region'), dataIndex: 'regionName', key: 'region' },
          ...modules.map((m) => ({
            title: t(`findings.modules.${m}`),
            key: m,
            width: 140,
            render: (_: unknown, r: SummaryRow) => <Count cell={r.cells[m]} onPick={() => onPick(r.regionId, m)} />,
          })),
          {
            title: t('findings.summary.all'),
            key: 'all',
            width: 120,
            render: (_: unknown, r: SummaryRow) => (
              <Count
                cell={{ open: r.open, answered: 0, total: r.total }}
                onPick={() => onPick(r.regionId, undefined)}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
