import type { ReactNode } from 'react';
import { Flex, Select, Typography } from 'antd';
import type { FieldDiff } from '../lib/fieldDiff';
import { FieldDiffTable } from './FieldDiffTable';

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

/** 版本对比: two versions chosen, field by field, the changed fields highlighted. */
export function FieldDiffView<F extends string>({ options, from, to, onChange, diff, label, summary }: Props<F>) {
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
      <FieldDiffTable diff={diff} label={label} beforeTitle={`v${from}`} afterTitle={`v${to}`} />
    </div>
  );
}
