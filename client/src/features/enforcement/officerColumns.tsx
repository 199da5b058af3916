import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Officer } from '../../lib/api/types';
import { DomainTags, OfficerStatusTag, ValidUntil } from './Tags';

/** The officer columns every officer table shows: name (linked), any columns given, 执法领域, certificate and
 * status. */
export function useOfficerColumns(afterName: TableColumnsType<Officer> = []): TableColumnsType<Officer> {
  const { t } = useTranslation();
  return [
    {
      title: t('enforcement.officers.name'),
      dataIndex: 'name',
      render: (v: string, o) => (
        <Link to={`/enforcement/officers/${o.id}`} data-testid="officer-link">
          {v}
        </Link>
      ),
    },
    ...afterName,
    {
      title: t('enforcement.officers.domains'),
      key: 'domains',
      render: (_: unknown, o) => <DomainTags names={o.domainNames} />,
    },
    {
      title: t('enforcement.certificate.number'),
      key: 'number',
      render: (_: unknown, o) => (
        <span data-testid="officer-certificate">{o.certificate?.number ?? t('common.none')}</span>
      ),
    },
    {
      title: t('enforcement.certificate.validUntil'),
      key: 'validUntil',
      render: (_: unknown, o) => <ValidUntil officer={o} />,
    },
    {
      title: t('enforcement.officers.status'),
      dataIndex: 'status',
      render: (_: unknown, o) => <OfficerStatusTag status={o.status} />,
    },
  ];
}
