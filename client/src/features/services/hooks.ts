import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceItemRequest } from '../../lib/api/types';
import type { GuideWords } from './guideDiff';
import { MAX_STEPS, type GuideRule } from './model';

/** The words of the version diff in the current language. */
export function useGuideWords(): GuideWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      levels: { township: t('services.levels.township'), village: t('services.levels.village') },
      kinds: { immediate: t('services.kinds.immediate'), promised: t('services.kinds.promised') },
      forms: { original: t('services.forms.original'), copy: t('services.forms.copy'), both: t('services.forms.both') },
      channels: {
        window: t('services.channelNames.window'),
        online: t('services.channelNames.online'),
        mobile: t('services.channelNames.mobile'),
        kiosk: t('services.channelNames.kiosk'),
        village_point: t('services.channelNames.village_point'),
      },
      workingDays: (count) => t('services.workingDays', { count }),
      material: (m, form) =>
        t('services.diff.materialLine', {
          name: m.name,
          form,
          count: m.copies,
          required: m.required ? t('services.required') : t('services.optional'),
        }),
      noMaterials: t('services.noMaterials'),
      free: t('services.free'),
      charged: (amount, basis) => t('services.diff.chargedLine', { amount, basis }),
    }),
    [t],
  );
}

/** A broken guide rule in words (as the API words it). */
export function useRuleMessage(): (rule: GuideRule, r?: Pick<ServiceItemRequest, 'statutoryDays'>) => string {
  const { t } = useTranslation();
  return (rule, r) => t(`services.rules.${rule}`, { days: r?.statutoryDays ?? '', max: MAX_STEPS });
}
