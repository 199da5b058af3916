import { useState } from 'react';
import { App as AntApp, Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Officer, OfficerDetail } from '../../lib/api/types';
import { etagOf } from '../../lib/versions';
import { enforcementKeys } from './api';
import { EditOfficerModal, LeaveModal, RenewModal } from './OfficerModals';

export type OfficerAction = 'renew' | 'leave' | 'edit';

/** An officer as last loaded, with the ETag of a detail read (a list row has only its version). */
export interface LoadedOfficer {
  officer: Officer;
  etag?: string | null;
}

/**
 * 换证, 调离 and 编辑 of officers (a table's rows or one officer's page): which form is open and for whom. `current`
 * gives the officer as now loaded, so that after a 412 and `onReload` the form is sent again with the new ETag.
 * Every change refreshes the enforcement queries (a team's figures move with its officers).
 */
export function useOfficerActions(
  onReload: () => Promise<unknown>,
  current: (id: string) => LoadedOfficer | undefined,
) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [acting, setActing] = useState<{ action: OfficerAction; loaded: LoadedOfficer } | null>(null);
  const close = () => setActing(null);
  const done = (action: OfficerAction) => (d: OfficerDetail) => {
    setActing(null);
    void message.success(t(`enforcement.officers.done.${action}`, { name: d.officer.name }));
    void queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
  };
  const open = (action: OfficerAction, officer: Officer) =>
    setActing({ action, loaded: current(officer.id) ?? { officer } });
  const loaded = acting ? (current(acting.loaded.officer.id) ?? acting.loaded) : null;
  const modals = acting && loaded ? (
    <>
      {(['renew', 'leave', 'edit'] as const).map((action) => {
        const props = {
          etag: loaded.etag ?? etagOf(loaded.officer.version),
          open: acting.action === action,
          onClose: close,
          onDone: done(action),
          onReload,
        };
        if (action === 'renew') return <RenewModal key={action} officer={loaded.officer} {...props} />;
        if (action === 'leave') return <LeaveModal key={action} officer={loaded.officer} {...props} />;
        return <EditOfficerModal key={action} officer={loaded.officer} {...props} />;
      })}
    </>
  ) : null;
  return { open, modals };
}

/** The row buttons of an officer: 换证 and 调离 while serving. */
export function OfficerRowActions({ officer, onAction }: { officer: Officer; onAction: (a: OfficerAction) => void }) {
  const { t } = useTranslation();
  if (officer.status === 'left') return null;
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onAction('renew')} data-testid="officer-renew">
        {t('enforcement.officers.renew')}
      </Button>
      <Button type="link" size="small" danger onClick={() => onAction('leave')} data-testid="officer-leave">
        {t('enforcement.officers.leave')}
      </Button>
    </Space>
  );
}
