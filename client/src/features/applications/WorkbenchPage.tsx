import { useTranslation } from 'react-i18next';
import { HandlingDesk } from './HandlingDesk';
import { RequireRole } from '../../components/RequireRole';
import { SummaryCards } from './SummaryCards';
import { WINDOW_CLERK } from '../../lib/roles';

/**
 * 窗口工作台: the centre's figures on top, the quick register form, and the application being handled right beside
 * it with one button per possible step. The recent applications below open there too (?open=<id>).
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  return (
    <RequireRole role={WINDOW_CLERK}>
      <HandlingDesk
        title={t('applications.nav.workbench')}
        top={<SummaryCards />}
        registerTitle={t('applications.register.title')}
        recentTitle={t('applications.list.recent')}
        compact
        tableTestId="workbench-table"
      />
    </RequireRole>
  );
}
