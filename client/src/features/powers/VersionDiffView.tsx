import { Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerItemVersion } from '../../lib/api/types';
import { diffVersions, substantiveChanges, type DiffField, type FieldDiff } from './versionDiff';

interface Props {
  versions: PowerItemVersion[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
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
export function VersionDiffView({ versions, from, to, onChange }: Props) {
  const { t } = useTranslation();
  if (versions.length < 2) return <Empty description={t('powers.diff.single')} data-testid="version-diff-single" />;
  const a = versions.find((v) => v.version === from) ?? versions[versions.length - 2]!;
  const b = versions.find((v) => v.version === to) ?? versions[versions.length - 1]!;
  const diff = diffVersions(a, b, (x) => (x ? t('common.yes') : t('common.no')));
  const changed = substantiveChanges(diff);
  const options = versions.map((v) => ({
    value: v.version,
    label: `v${v.version} · ${v.effectiveFrom}${v.withdrawn ? ` · ${t('powers.item.withdrawn')}` : ''}`,
  }));
  const label = (f: DiffField) => t(`powers.diff.fields.${f}`);

  return (
    <div data-testid="version-diff">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} className="no-print">
        <Select<number> value={a.version} options={options} onChange={(v) => onChange(v, b.version)} style={{ minWidth: 200 }} data-testid="diff-from" />
        <span>→</span>
        <Select<number> value={b.version} options={options} onChange={(v) => onChange(a.version, v)} style={{ minWidth: 200 }} data-testid="diff-to" />
        <Typography.Text type="secondary" data-testid="diff-summary">
          {changed.length === 0
            ? t('powers.diff.noChange')
            : t('powers.diff.changed', { fields: changed.map(label).join('、') })}
        </Typography.Text>
      </Flex>
      <Table<FieldDiff>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={diff}
        rowClassName={(d) => (d.changed ? 'pl-diff-row-changed' : '')}
        onRow={(d) => ({ 'data-testid': 'diff-row', 'data-field': d.field, 'data-changed': String(d.changed) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('powers.diff.field'),
            dataIndex: 'field',
            key: 'field',
            width: 140,
            render: (f: DiffField, d) => (
              <Flex gap={4} align="center">
                {label(f)}
                {d.changed ? <Tag color="orange">{t('powers.diff.changedTag')}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: `v${a.version}`,
            key: 'before',
            render: (_: unknown, d) => <Lines lines={d.before} marked={d.removed} kind="removed" />,
          },
          {
            title: `v${b.version}`,
            key: 'after',
            render: (_: unknown, d) => <Lines lines={d.after} marked={d.added} kind="added" />,
          },
        ]}
      />
    </div>
  );
}
