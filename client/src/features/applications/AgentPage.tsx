import { useTranslation } from 'react-i18next';
import { HandlingDesk } from './HandlingDesk';
import { RequireRole } from '../../components/RequireRole';
import { VILLAGE_AGENT } from '../../lib/roles';

/**
 * 村级代办: the village agent registers for a villager (channel 村代办点), then forwards (转报) township-level items to
 * the township centre — or handles a village-level item right here. Below: everything this village point registered
 * (it keeps seeing what it forwarded).
 */
export function AgentPage() {
  const { t } = useTranslation();
  return (
    <RequireRole role={VILLAGE_AGENT}>
      <HandlingDesk
        title={t('applications.nav.agent')}
        registerTitle={t('applications.register.agentTitle')}
        agent
        recentTitle={t('applications.list.villageRecent')}
        tableTestId="agent-table"
      />
    </RequireRole>
  );
}
