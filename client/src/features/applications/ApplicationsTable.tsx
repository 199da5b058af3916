import { Button, Flex, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationListItem } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { ApplicationStateTag, DeadlineTag, DueDate } from './ApplicationTags';
import { deadlineRowClass, deadlineStatus } from './model';
import './applications.css';

/** Column widths (px): the whole table fits the content of a 1366 px screen beside the menu (about 1060 px). */
const WIDTHS = { applicant: 160, channel: 100, centre: 150, receivedAt: 150, dueOn: 110, state: 160, open: 80 };
const ITEM_MIN = 150;

/**
 * Applications in a table, overdue rows red and due-soon rows orange. The item links to the details; with `onOpen`
 * (the workbench) a 办理 button opens the application beside the table instead.
 */
export function ApplicationsTable({
  items,
  loading,
  onOpen,
  compact = false,
  testId = 'applications-table',
}: {
  items: ApplicationListItem[];
  loading: boolean;
  onOpen?: (id: string) => void;
  compact?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const widths = [
    WIDTHS.applicant,
    ...(compact ? [] : [WIDTHS.channel, WIDTHS.centre]),
    WIDTHS.receivedAt,
    WIDTHS.dueOn,
    WIDTHS.state,
    ...(onOpen ? [WIDTHS.open] : []),
  ];
  return (
    <Table<ApplicationListItem>
      data-testid={testId}
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      dataSource={items}
      pagination={false}
      // the item's column takes what is left (at least ITEM_MIN); state and actions stay in view on the right
      scroll={{ x: ITEM_MIN + widths.reduce((sum, w) => sum + w, 0) }}
      rowClassName={(r) => deadlineRowClass(r)}
      onRow={(r) =>
        ({
          'data-testid': 'application-row',
          'data-id': r.id,
          'data-state': r.state,
          'data-deadline': deadlineStatus(r) ?? 'none',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('applications.fields.item'),
          key: 'item',
          ellipsis: { showTitle: false },
          render: (_: unknown, r) => (
            <Tooltip title={`${r.itemCode} ${r.itemName}`} placement="topLeft">
              <Flex vertical>
                <Link to={`/services/applications/${r.id}`} data-testid="application-link">
                  {r.itemCode} {r.itemName}
                </Link>
                <span className="ap-number" data-testid="application-number">
                  {r.number}
                </span>
              </Flex>
            </Tooltip>
          ),
        },
        {
          title: t('applications.fields.applicantName'),
          key: 'applicant',
          width: WIDTHS.applicant,
          render: (_: unknown, r) => (
            <Flex vertical>
              <span data-testid="application-applicant">{r.applicantName}</span>
              {compact ? null : (
                <span style={{ fontSize: 12, color: '#8c8c8c' }}>{r.applicantIdNumber}</span>
              )}
            </Flex>
          ),
        },
        ...(compact
          ? []
          : [
              {
                title: t('applications.fields.channel'),
                key: 'channel',
                width: WIDTHS.channel,
                render: (_: unknown, r: ApplicationListItem) => t(`applications.channels.${r.channel}`),
              },
              {
                title: t('applications.fields.centre'),
                key: 'centre',
                width: WIDTHS.centre,
                render: (_: unknown, r: ApplicationListItem) => (
                  <>
                    {r.centreName}
                    {r.forwarded ? (
                      <Tag color="geekblue" style={{ marginInlineStart: 6 }} data-testid="application-forwarded">
                        {t('applications.fields.forwarded')}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
            ]),
        {
          title: t('applications.fields.receivedAt'),
          key: 'receivedAt',
          width: WIDTHS.receivedAt,
          render: (_: unknown, r) => formatDateTime(r.receivedAt),
        },
        {
          title: t('applications.fields.dueOn'),
          key: 'dueOn',
          width: WIDTHS.dueOn,
          render: (_: unknown, r) => <DueDate application={r} testId="application-row-due-on" />,
        },
        {
          title: t('applications.fields.state'),
          key: 'state',
          width: WIDTHS.state,
          fixed: 'right' as const,
          render: (_: unknown, r) => (
            <Flex gap={4} wrap>
              <ApplicationStateTag state={r.state} testId="application-row-state" />
              <DeadlineTag application={r} testId="application-row-deadline" />
            </Flex>
          ),
        },
        ...(onOpen
          ? [
              {
                title: t('common.actions'),
                key: 'open',
                width: WIDTHS.open,
                fixed: 'right' as const,
                render: (_: unknown, r: ApplicationListItem) => (
                  <Button size="small" type="link" onClick={() => onOpen(r.id)} data-testid="application-open">
                    {t('applications.list.open')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
