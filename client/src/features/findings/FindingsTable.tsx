import { useTranslation } from 'react-i18next';
import type { Finding } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import type { CursorList } from '../../lib/useCursorList';
import { CursorTable } from '../../components/CursorTable';
import { FindingStateTag, SeverityTag } from './FindingTags';
import { FindingSubject } from './FindingSubject';

/** The findings newest first (state, title, severity, region, module, subject, who and when); a row opens it. */
export function FindingsTable({ list, onOpen }: { list: CursorList<Finding>; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const f = (k: 'createdAt' | 'region' | 'module' | 'subject' | 'severity' | 'title' | 'state' | 'createdBy') =>
    t(`findings.fields.${k}`);
  return (
    <CursorTable<Finding>
      list={list}
      rowKey="id"
      size="middle"
      scroll={{ x: 1100 }}
      data-testid="findings-table"
      onRow={(x) =>
        ({
          'data-testid': 'finding-row',
          'data-id': x.id,
          'data-state': x.state,
          style: { cursor: 'pointer' },
          onClick: (e: React.MouseEvent) => {
            if ((e.target as HTMLElement).closest('a')) return;
            onOpen(x.id);
          },
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: f('state'),
          key: 'state',
          width: 100,
          render: (_: unknown, x) => <FindingStateTag state={x.state} testId="finding-row-state" />,
        },
        {
          title: f('title'),
          key: 'title',
          render: (_: unknown, x) => <span data-testid="finding-row-title">{x.title}</span>,
        },
        {
          title: f('severity'),
          key: 'severity',
          width: 90,
          render: (_: unknown, x) => <SeverityTag severity={x.severity} />,
        },
        { title: f('region'), dataIndex: 'regionName', key: 'region', width: 120 },
        {
          title: f('module'),
          key: 'module',
          width: 120,
          render: (_: unknown, x) => t(`findings.modules.${x.module}`),
        },
        { title: f('subject'), key: 'subject', width: 260, render: (_: unknown, x) => <FindingSubject f={x} /> },
        { title: f('createdBy'), dataIndex: 'createdBy', key: 'createdBy', width: 120 },
        {
          title: f('createdAt'),
          key: 'createdAt',
          width: 150,
          render: (_: unknown, x) => formatDateTime(x.createdAt),
        },
      ]}
    />
  );
}
