import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding } from '../../lib/api/types';
import { recordPath } from './model';

/** What a finding is about: the record (a link where the SPA has its page) or the quoted KPI figure. */
export function FindingSubject({ f }: { f: Finding }) {
  const { t } = useTranslation();
  if (f.kpiCode) {
    return (
      <span data-testid="finding-subject">
        {t('findings.subject.figure', { code: f.kpiCode, month: f.kpiMonth, revision: f.kpiRevision })}
      </span>
    );
  }
  const path = recordPath(f);
  const text = t('findings.subject.record', { type: f.recordTypeName ?? f.recordType, id: f.recordId });
  return path ? (
    <Link to={path} data-testid="finding-subject">
      {text}
    </Link>
  ) : (
    <span data-testid="finding-subject">{text}</span>
  );
}
