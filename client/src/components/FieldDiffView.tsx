import type { ReactNode } from 'react';
import { Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDiff } from '../lib/fieldDiff';
import './fieldDiff.css';

interface Props<F extends string> {
  /** The versions to choose from. */
  options: { value: number; label: string }[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
  diff: FieldDiff<F>[];
  label: (field: F) => string;
  /** A line next to the version choice (e.g. which fields changed). */
  summary: ReactNode;
}

function Lines({ lines, marked, kind }: { lines: string[]; marked: string[]; kind: 'added' | 'removed' }) {
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {lines.map((line, i) => (
        <span key={i} className={marked.includes(line) ? `pl-diff-${kind}` : undefined}>
          {line}
        </span>
      ))}
    </Flex>
  );
}

/** 版本对比: two versions chosen, field by field, the changed fields highlighted. */
export function FieldDiffView<F extends string>({ options, from, to, onChange, diff, label, summary }: Props<F>) {
  const { t } = useTranslation();
  return (
    <div data-testid="version-diff">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} className="no-print">
        <Select<number> value={from} options={options} onChange={(v) => onChange(v, to)} style={{ minWidth: 200 }} data-testid="diff-from" />
        <span>→</span>
        <Select<number> value={to} options={options} onChange={(v) => onChange(from, v)} style={{ minWidth: 200 }} data-testid="diff-to" />
        <Typography.Text type="secondary" data-testid="diff-summary">
          {summary}
        </Typography.Text>
      </Flex>
      <Table<FieldDiff<F>>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={diff}
        rowClassName={(d) => (d.changed ? 'pl-diff-row-changed' : '')}
        onRow={(d) => ({ 'data-testid': 'diff-row', 'data-field': d.field, 'data-changed': String(d.changed) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('diff.field'),
            dataIndex: 'field',
            key: 'field',
            width: 140,
            render: (f: F, d) => (
              <Flex gap={4} align="center">
                {label(f)}
                {d.changed ? <Tag color="orange">{t('diff.changedTag')}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: `v${from}`,
            key: 'before',
            render: (_: unknown, d) => <Lines lines={d.before} marked={d.removed} kind="removed" />,
          },
          {
            title: `v${to}`,
            key: 'after',
            render: (_: unknown, d) => <Lines lines={d.after} marked={d.added} kind="added" />,
          },
        ]}
      />
    </div>
  );
}
