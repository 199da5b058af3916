import { useState } from 'react';
import { App as AntApp, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction, EnforcementCase } from '../../lib/api/types';
import { ActionButtons } from '../../components/ActionButtons';
import { CaseActionModal } from './CaseActionModal';
import { isDangerAction, visibleCaseActions } from './caseModel';

/**
 * The steps this user may take on the case now: one button per entry of the API's allowedActions (nothing else), each
 * opening its form. A 412 offers a reload, a 409 shows the server's reason and what is possible now.
 */
export function CaseActionPanel({
  c,
  etag,
  onChanged,
  onReload,
}: {
  c: EnforcementCase;
  etag: string;
  onChanged: (next: EnforcementCase, etag: string | null) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [action, setAction] = useState<CaseAction | null>(null);
  const actions = visibleCaseActions(c);

  return (
    <div data-testid="case-actions">
      {actions.length === 0 ? (
        <Typography.Text type="secondary" data-testid="case-no-actions">
          {t('enforcement.cases.panel.none')}
        </Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          <ActionButtons
            actions={actions}
            label={(a) => t(`enforcement.cases.actions.${a}`)}
            danger={isDangerAction}
            testIdPrefix="case-action-"
            onAction={setAction}
          />
        </Flex>
      )}
      <CaseActionModal
        c={c}
        action={action}
        etag={etag}
        onClose={() => setAction(null)}
        onReload={onReload}
        onDone={(next, nextEtag) => {
          const done = action;
          setAction(null);
          if (done) {
            const name = t(`enforcement.cases.actions.${done}`);
            void message.success(t('enforcement.cases.action.done', { action: name }));
          }
          onChanged(next, nextEtag);
        }}
      />
    </div>
  );
}
