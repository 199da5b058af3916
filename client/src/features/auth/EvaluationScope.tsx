import { App as AntApp, Select, Space, Tag, Tooltip } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyGrant } from '../../lib/api/types';
import { authApi, meQueryKey } from '../../lib/auth/api';
import { useCurrentUser, useSetMe } from '../../lib/auth/useAuth';
import { formatDateTime } from '../../lib/format';
import { problemMessage } from '../../components/ProblemAlert';

/**
 * What an evaluator sees in the header: its grant (organisation and period of data, the rest on hover) and, when the
 * grant names several regions, the region it reads now (评估范围) to switch between them.
 */
export function EvaluationScope() {
  const me = useCurrentUser();
  if (!me.grant) return null;
  return (
    <Space size="small">
      <GrantTag grant={me.grant} />
      {me.grant.regions.length > 1 ? <ScopeSwitcher regions={me.grant.regions} current={me.regionId} /> : null}
    </Space>
  );
}

function GrantTag({ grant }: { grant: MyGrant }) {
  const { t } = useTranslation();
  const detail = t('grant.bannerDetail', {
    purpose: grant.purpose,
    modules: grant.modules.map((m) => t(`grant.moduleNames.${m}`)).join('、'),
    expires: formatDateTime(grant.expiresAt),
  });
  return (
    <Tooltip title={detail}>
      <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="evaluation-grant">
        {t('grant.banner', { organisation: grant.organisation, from: grant.periodFrom, to: grant.periodTo })}
      </Tag>
    </Tooltip>
  );
}

function ScopeSwitcher({ regions, current }: { regions: MyGrant['regions']; current: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const setMe = useSetMe();
  const change = useMutation({
    mutationFn: (regionId: string) => authApi.switchScope({ regionId }),
    onSuccess: (me) => {
      setMe(me);
      // everything cached was read in the former region
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      void message.success(t('grant.scopeSwitched', { name: me.regionName }));
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });
  return (
    <Select<string>
      size="small"
      aria-label={t('grant.scope')}
      value={current}
      loading={change.isPending}
      disabled={change.isPending}
      onChange={(v) => change.mutate(v)}
      options={regions.map((r) => ({ value: r.id, label: r.name }))}
      style={{ minWidth: 140 }}
      popupMatchSelectWidth={false}
      data-testid="evaluation-scope"
    />
  );
}
