import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerItemVersion } from '../../lib/api/types';
import { FieldDiffView } from '../../components/FieldDiffView';
import { diffVersions, substantiveChanges, type DiffField } from './versionDiff';

interface Props {
  versions: PowerItemVersion[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}

/** 版本对比 of two catalogue item versions, field by field, the changed fields highlighted. */
export function VersionDiffView({ versions, from, to, onChange }: Props) {
  const { t } = useTranslation();
  if (versions.length < 2) return <Empty description={t('powers.diff.single')} data-testid="version-diff-single" />;
  const a = versions.find((v) => v.version === from) ?? versions[versions.length - 2]!;
  const b = versions.find((v) => v.version === to) ?? versions[versions.length - 1]!;
  const diff = diffVersions(a, b, (x) => (x ? t('common.yes') : t('common.no')));
  const changed = substantiveChanges(diff);
  const options = versions.map((v) => ({
    value: v.version,
    label: `v${v.version} · ${v.effectiveFrom}${v.withdrawn ? ` · ${t('powers.item.withdrawn')}` : ''}`,
  }));
  const label = (f: DiffField) => t(`powers.diff.fields.${f}`);

  return (
    <FieldDiffView
      options={options}
      from={a.version}
      to={b.version}
      onChange={onChange}
      diff={diff}
      label={label}
      summary={
        changed.length === 0 ? t('powers.diff.noChange') : t('powers.diff.changed', { fields: changed.map(label).join('、') })
      }
    />
  );
}
