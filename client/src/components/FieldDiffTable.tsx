import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDiff } from '../lib/fieldDiff';
import './fieldDiff.css';

interface Props<F extends string> {
  diff: FieldDiff<F>[];
  label: (field: F) => string;
  /** Headings of the two value columns (e.g. two version numbers, or 变更前 and 变更后). */
  beforeTitle: string;
  afterTitle: string;
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

/** Two states of a record field by field, the changed fields highlighted and their added and removed lines marked. */
export function FieldDiffTable<F extends string>({ diff, label, beforeTitle, afterTitle }: Props<F>) {
  const { t } = useTranslation();
  return (
    <Table<FieldDiff<F>>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={diff}
      rowClassName={(d) => (d.changed ? 'pl-diff-row-changed' : '')}
      onRow={(d) =>
        ({
          'data-testid': 'diff-row',
          'data-field': d.field,
          'data-changed': String(d.changed),
        }) as React.HTMLAttributes<HTMLElement>
      }
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
          title: beforeTitle,
          key: 'before',
          render: (_: unknown, d) => <Lines lines={d.before} marked={d.removed} kind="removed" />,
        },
        {
          title: afterTitle,
          key: 'after',
          render: (_: unknown, d) => <Lines lines={d.after} marked={d.added} kind="added" />,
        },
      ]}
    />
  );
}
