import { Alert, Button, Card, Flex, Result, Segmented, Skeleton } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound';
import { RecordStatus } from '../../components/RecordStatus';
import { enforcementApi, enforcementKeys } from './api';
import { CaseDocumentBody } from './CaseDocuments';
import { availableDocuments, documentMissing, isCaseDocument } from './caseDocuments';
import { useCase } from './hooks';
import '../../components/print.css';

/**
 * /enforcement/cases/:id/print/:doc — one of the case's documents (立案审批表, 告知书, 听证告知书, 决定书, 送达回证,
 * 结案审批表) on an A4 sheet, with 打印 (print.css: the app's chrome hidden, the sheet on its own portrait page). A
 * document the case has not reached says so instead of printing blanks.
 */
export function CaseDocumentPage() {
  const { t } = useTranslation();
  const { id = '', doc = '' } = useParams();
  const navigate = useNavigate();
  const query = useCase(id);
  const c = query.data?.data;
  const filing = c?.filing;
  // the legal basis of the filed power item, as it stood on the filing day
  const item = useQuery({
    queryKey: enforcementKeys.powerItem(filing?.itemId ?? '', filing?.filedOn ?? ''),
    queryFn: ({ signal }) => enforcementApi.powerItem(filing?.itemId ?? '', filing?.filedOn ?? '', signal),
    enabled: !!filing,
    staleTime: 10 * 60_000,
    retry: false,
  });

  if (!isCaseDocument(doc)) {
    return (
      <Card>
        <NotFound page />
      </Card>
    );
  }
  if (query.isPending || query.isError || !c) return <RecordStatus error={query.error} />;

  const missing = documentMissing(doc, c);
  const name = t(`enforcement.cases.documents.names.${doc}`);
  const others = availableDocuments(c);
  const waiting = !!filing && item.isPending;

  return (
    <>
      <Flex gap={8} justify="space-between" align="center" wrap className="no-print" style={{ marginBottom: 16 }}>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate(`/enforcement/cases/${c.id}`)}
          data-testid="case-document-back"
        >
          {t('enforcement.cases.documents.back')}
        </Button>
        {others.length > 1 ? (
          <Segmented
            value={doc}
            options={others.map((d) => ({ value: d, label: t(`enforcement.cases.documents.names.${d}`) }))}
            onChange={(d) => void navigate(`/enforcement/cases/${c.id}/print/${d}`)}
          />
        ) : null}
        <Button
          type="primary"
          size="large"
          icon={<PrinterOutlined />}
          disabled={missing !== null || waiting}
          onClick={() => window.print()}
          data-testid="case-document-print"
        >
          {t('enforcement.cases.documents.print')}
        </Button>
      </Flex>
      {missing !== null ? (
        <Card>
          <Result
            status="info"
            title={
              <span data-testid="case-document-missing">
                {t('enforcement.cases.documents.unavailable', { doc: name })}
              </span>
            }
            subTitle={
              <span data-testid="case-document-reason">{t(`enforcement.cases.documents.missing.${missing}`)}</span>
            }
          />
        </Card>
      ) : waiting ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          {doc === 'service' && !c.execution ? (
            <Alert
              className="no-print"
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('enforcement.cases.documents.serviceNote')}
              data-testid="case-document-service-note"
            />
          ) : null}
          {item.isError ? (
            <Alert
              className="no-print"
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('enforcement.cases.documents.basisUnavailable')}
            />
          ) : null}
          <div className="print-doc" data-testid="case-document" data-doc={doc}>
            <CaseDocumentBody doc={doc} c={c} item={item.data?.current ?? null} />
          </div>
        </>
      )}
    </>
  );
}
