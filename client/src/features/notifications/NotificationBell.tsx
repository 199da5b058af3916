import { useState } from 'react';
import { Badge, Button, Checkbox, Empty, Flex, Popover, Skeleton, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notice } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { badgeText, noticeTarget, noticesApi, noticesKeys } from './api';

/** Polling interval of the unread count. */
export const UNREAD_POLL_MS = 60_000;

function NoticeList({ onPicked }: { onPicked: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = { unreadOnly: unreadOnly || undefined, limit: 20 };
  const list = useQuery({
    queryKey: noticesKeys.recent(q),
    queryFn: ({ signal }) => noticesApi.list(q, signal),
  });
  const read = useMutation({
    mutationFn: (n: Notice) => (n.read ? Promise.resolve() : noticesApi.markRead(n.id)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  });
  const open = (n: Notice) => {
    read.mutate(n);
    onPicked();
    const target = noticeTarget(n.link);
    if (target) void navigate(target);
  };

  return (
    <div style={{ width: 'min(380px, calc(100vw - 48px))' }} data-testid="notice-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notices.title')}</Typography.Text>
        <Checkbox checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="notice-unread-only">
          {t('notices.unreadOnly')}
        </Checkbox>
      </Flex>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.empty')} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto' }} data-testid="notice-list">
          {list.isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
          {(list.data?.items ?? []).map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              onClick={() => open(n)}
              onKeyDown={(e) => (e.key === 'Enter' ? open(n) : undefined)}
              style={{
                cursor: 'pointer',
                padding: '8px',
                borderBottom: '1px solid #f0f0f0',
                background: n.read ? undefined : '#fff7e6',
              }}
              data-testid="notice-item"
              data-read={n.read}
            >
              <Flex gap={6} align="center">
                {n.read ? null : <Badge status="error" />}
                <Typography.Text strong={!n.read} data-testid="notice-title">
                  {n.title}
                </Typography.Text>
              </Flex>
              <div>{n.body}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** 站内通知: a bell with the unread count (polled every minute); the recent notices in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: noticesKeys.unread,
    queryFn: ({ signal }) => noticesApi.unreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
  });
  const text = badgeText(unread.data?.count);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      destroyOnHidden
      content={<NoticeList onPicked={() => setOpen(false)} />}
    >
      <Badge count={text ?? 0} size="small" offset={[-4, 4]} data-testid="notice-badge" data-count={unread.data?.count ?? 0}>
        <Button shape="circle" icon={<BellOutlined />} aria-label={t('notices.bell')} data-testid="notice-bell" />
      </Badge>
    </Popover>
  );
}
