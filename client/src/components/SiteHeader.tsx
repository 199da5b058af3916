import type { ReactNode } from 'react';
import { Button, Drawer, Layout, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

interface Props {
  /** Below 768 px: the menu moves into a drawer the header's button opens. */
  phone: boolean;
  title: string;
  /** Where the title leads. */
  home: string;
  menuLabel: string;
  onMenu: () => void;
  testIds: { title: string; menuButton: string };
  className?: string;
  /** What the page puts after the title (menus, the user's button, the staff login). */
  children: ReactNode;
}

/**
 * The red header bar of the back office and of the public site: on a phone a menu button first, then the title on
 * one line (cut with … when it does not fit), then the page's own items.
 */
export function SiteHeader({ phone, title, home, menuLabel, onMenu, testIds, className, children }: Props) {
  return (
    <Layout.Header
      className={className}
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: phone ? 8 : 0,
        background: '#a8071a',
        paddingInline: phone ? 8 : 24,
      }}
    >
      {phone ? (
        <Button
          type="text"
          icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
          aria-label={menuLabel}
          onClick={onMenu}
          data-testid={testIds.menuButton}
        />
      ) : null}
      <Link to={home} style={{ color: '#fff', minWidth: 0, flex: phone ? '1 1 auto' : '0 0 auto' }}>
        <Typography.Title
          level={phone ? 5 : 4}
          style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          data-testid={testIds.title}
        >
          {title}
        </Typography.Title>
      </Link>
      {children}
    </Layout.Header>
  );
}

/** The phone's menu: a drawer from the left with the site's title, opened by {@link SiteHeader}'s button. */
export function SiteMenuDrawer(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      placement="left"
      size={280}
      title={props.title}
      styles={{ body: { padding: 0 } }}
      data-testid={props.testId}
    >
      {props.children}
    </Drawer>
  );
}
