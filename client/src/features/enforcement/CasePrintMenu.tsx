import { Button, Dropdown } from 'antd';
import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EnforcementCase } from '../../lib/api/types';
import { availableDocuments } from './caseDocuments';

/** 打印文书: the case's documents it has reached, each opening its print page; nothing before 立案 or a decision. */
export function CasePrintMenu({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const docs = availableDocuments(c);
  if (docs.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: docs.map((d) => ({
          key: d,
          label: <span data-testid={`case-print-${d}`}>{t(`enforcement.cases.documents.names.${d}`)}</span>,
        })),
        onClick: ({ key }) => void navigate(`/enforcement/cases/${c.id}/print/${key}`),
      }}
    >
      <Button icon={<PrinterOutlined />} data-testid="case-print-menu">
        {t('enforcement.cases.documents.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
