import { Card, Col, Row, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluationModule } from '../../../lib/api/types';
import { EVALUATION_MODULES } from '../../../lib/grants';

type ListKey =
  | 'items'
  | 'townships'
  | 'agreements'
  | 'admissions'
  | 'applications'
  | 'ratings'
  | 'rectifications'
  | 'ledger'
  | 'requests'
  | 'transfers'
  | 'cases'
  | 'disclosures';

/** The list's name: the menu's own. */
type ListLabel =
  | 'nav.powerItems'
  | 'nav.powerTownships'
  | 'nav.powerAgreements'
  | 'nav.powerAdmissions'
  | 'applications.nav.applications'
  | 'ratings.nav.ratings'
  | 'ratings.nav.rectifications'
  | 'staffing.nav.ledger'
  | 'staffing.nav.requests'
  | 'staffing.nav.transfers'
  | 'enforcement.nav.cases'
  | 'enforcement.nav.disclosures';

interface RecordList {
  key: ListKey;
  path: string;
  label: ListLabel;
}

/** The existing list pages of each module an evaluator reads (the API keeps them to the grant's regions). */
export const RECORD_LISTS: Record<EvaluationModule, readonly RecordList[]> = {
  power_lists: [
    { key: 'items', path: '/power-lists/items', label: 'nav.powerItems' },
    { key: 'townships', path: '/power-lists/townships', label: 'nav.powerTownships' },
    { key: 'agreements', path: '/power-lists/agreements', label: 'nav.powerAgreements' },
    { key: 'admissions', path: '/power-lists/admissions', label: 'nav.powerAdmissions' },
  ],
  service_centre: [
    { key: 'applications', path: '/services/applications', label: 'applications.nav.applications' },
    { key: 'ratings', path: '/services/ratings', label: 'ratings.nav.ratings' },
    { key: 'rectifications', path: '/services/rectifications', label: 'ratings.nav.rectifications' },
  ],
  staffing: [
    { key: 'ledger', path: '/staffing/ledger', label: 'staffing.nav.ledger' },
    { key: 'requests', path: '/staffing/requests', label: 'staffing.nav.requests' },
    { key: 'transfers', path: '/staffing/transfers', label: 'staffing.nav.transfers' },
  ],
  enforcement: [
    { key: 'cases', path: '/enforcement/cases', label: 'enforcement.nav.cases' },
    { key: 'disclosures', path: '/enforcement/disclosures', label: 'enforcement.nav.disclosures' },
  ],
};

/** 记录: for each module the grant opens (in the modules' order), a card per list page with what the list holds. */
export function RecordsTab({ modules }: { modules: readonly EvaluationModule[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('workspace.records.intro')}</Typography.Paragraph>
      {EVALUATION_MODULES.filter((m) => modules.includes(m)).map((m) => (
        <section key={m} data-testid="workspace-records-module" data-module={m} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t(`grant.moduleNames.${m}`)}</Typography.Title>
          <Row gutter={[12, 12]}>
            {RECORD_LISTS[m].map((l) => (
              <Col key={l.key} xs={24} sm={12} lg={8} xl={6}>
                <Link to={l.path} data-testid={`workspace-records-${l.key}`}>
                  <Card size="small" hoverable style={{ height: '100%' }}>
                    <Typography.Text strong>
                      {t(l.label)} <RightOutlined style={{ fontSize: 11 }} />
                    </Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                      {t(`workspace.records.hints.${l.key}`)}
                    </Typography.Paragraph>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </>
  );
}
