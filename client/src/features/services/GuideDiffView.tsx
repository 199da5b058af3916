import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceItemVersion } from '../../lib/api/types';
import { FieldDiffView } from '../../components/FieldDiffView';
import { changedGuideFields, diffGuides, type GuideDiffField } from './guideDiff';
import { useGuideWords } from './hooks';

interface Props {
  versions: ServiceItemVersion[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}

/** 版本对比 of two guide versions, field by field, the changed fields highlighted. */
export function GuideDiffView({ versions, from, to, onChange }: Props) {
  const { t } = useTranslation();
  const words = useGuideWords();
  if (versions.length < 2) return <Empty description={t('services.diff.single')} data-testid="version-diff-single" />;
  const a = versions.find((v) => v.version === from) ?? versions[versions.length - 2]!;
  const b = versions.find((v) => v.version === to) ?? versions[versions.length - 1]!;
  const diff = diffGuides(a, b, words);
  const changed = changedGuideFields(diff);
  const label = (f: GuideDiffField) => t(`services.diff.fields.${f}`);

  return (
    <FieldDiffView
      options={versions.map((v) => ({ value: v.version, label: `v${v.version} · ${v.effectiveFrom}` }))}
      from={a.version}
      to={b.version}
      onChange={onChange}
      diff={diff}
      label={label}
      summary={
        changed.length === 0 ? t('services.diff.noChange') : t('services.diff.changed', { fields: changed.map(label).join('、') })
      }
    />
  );
}
