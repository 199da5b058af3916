import { Button, Card, Flex, Skeleton } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { NotFound } from '../../components/NotFound';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applicationsApi, applicationsKeys } from './api';
import { useApplication } from './hooks';
import { QrCode } from '../../components/QrCode';
import { chineseDate, receiptClerk, receiptRateUrl, windowLabel } from './model';
import { received } from './materials';
import './applications.css';

/**
 * 受理回执: what the applicant takes home — the centre, the item, who applied (masked), when it was received, the
 * promised working days and the date it is promised by (承诺办结日期), the application number to ask about it, and
 * the consultation phone of the item's guide, who accepted it (受理人), and a QR code opening the public rating page
 * with the number filled in, the service centre that received it and the window (窗口号: the called ticket's, or the
 * clerk's own), and the materials received (original or copy, copies). 打印 prints only the receipt (A4 portrait).
 */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  const a = application.data?.data;
  const item = useQuery({
    queryKey: applicationsKeys.item(a?.itemId ?? '', a?.receivedOn ?? ''),
    queryFn: ({ signal }) => applicationsApi.item(a?.itemId ?? '', a?.receivedOn, signal),
    enabled: !!a,
    staleTime: 10 * 60_000,
  });

  if (application.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (application.isError || !a) {
    if (isApiProblem(application.error) && (application.error.status === 404 || application.error.status === 400)) {
      return (
        <Card>
          <NotFound />
        </Card>
      );
    }
    return <ProblemAlert error={application.error} />;
  }

  const guide = item.data?.versions.find((v) => v.version === a.itemVersion) ?? item.data?.current ?? null;
  const immediate = a.promisedDays === 0;
  const accepted = a.state !== 'received';
  const idLabel = t(`applications.fields.${a.applicantKind === 'organisation' ? 'creditCode' : 'idNumber'}`);
  const clerk = receiptClerk(a.events);
  const centre = a.receivingCentre ?? a.originName;
  const windowLine = windowLabel(a, t);

  return (
    <>
      <Flex gap={8} justify="space-between" wrap className="no-print" style={{ marginBottom: 16 }}>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate(`/services/applications/${a.id}`)}
          data-testid="receipt-back"
        >
          {t('applications.receipt.back')}
        </Button>
        <Button
          type="primary"
          size="large"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="receipt-print"
        >
          {t('applications.receipt.print')}
        </Button>
      </Flex>
      <div className="ap-receipt" data-testid="receipt">
        <div className="ap-receipt-title" data-testid="receipt-title">
          {accepted ? t('applications.receipt.title') : t('applications.receipt.receivedTitle')}
        </div>
        <div className="ap-receipt-centre" data-testid="receipt-centre">
          {centre}
        </div>
        <div className="ap-receipt-no">
          {t('applications.fields.id')}：<span data-testid="receipt-number">{a.number}</span>
        </div>
        <p>{t('applications.receipt.intro')}</p>
        <table>
          <tbody>
            <tr>
              <th>{t('applications.fields.item')}</th>
              <td data-testid="receipt-item">
                {a.itemCode} {a.itemName}
              </td>
            </tr>
            <tr>
              <th>{t('applications.fields.applicantName')}</th>
              <td data-testid="receipt-applicant">{a.applicantName}</td>
            </tr>
            <tr>
              <th>{idLabel}</th>
              <td data-testid="receipt-id-number">{a.applicantIdNumber}</td>
            </tr>
            <tr>
              <th>{t('applications.fields.applicantPhone')}</th>
              <td>{a.applicantPhone}</td>
            </tr>
            <tr>
              <th>{t('applications.fields.channel')}</th>
              <td>{t(`applications.channels.${a.channel}`)}</td>
            </tr>
            <tr>
              <th>{t('applications.fields.receivedAt')}</th>
              <td data-testid="receipt-received-at">{formatDateTime(a.receivedAt)}</td>
            </tr>
            {clerk ? (
              <tr>
                <th>{t(`applications.fields.${clerk.accepted ? 'clerk' : 'registeredBy'}`)}</th>
                <td data-testid="receipt-clerk">{clerk.name}</td>
              </tr>
            ) : null}
            {windowLine ? (
              <tr>
                <th>{t('applications.fields.window')}</th>
                <td data-testid="receipt-window">{windowLine}</td>
              </tr>
            ) : null}
            {a.materials.length > 0 ? (
              <tr>
                <th>{t('applications.notices.materialsReceived')}</th>
                <td data-testid="receipt-materials">
                  {received(a.materials)
                    .map(
                      (m) =>
                        `${m.name}（${t(`applications.materials.${m.receivedForm ?? 'original'}`)}，` +
                        `${t('applications.materials.copies', { count: m.copies })}）`,
                    )
                    .join('；') || t('applications.notices.noneReceived')}
                </td>
              </tr>
            ) : null}
            <tr>
              <th>{t('applications.fields.promisedDays')}</th>
              <td data-testid="receipt-promised-days">
                {immediate
                  ? t('applications.fields.immediate')
                  : t('applications.fields.promisedDaysValue', { days: a.promisedDays })}
              </td>
            </tr>
            <tr>
              <th>{t('applications.fields.dueOn')}</th>
              <td className="ap-receipt-due" data-testid="receipt-due-on" data-due-on={a.dueOn}>
                {chineseDate(a.dueOn)}
              </td>
            </tr>
          </tbody>
        </table>
        <p data-testid="receipt-due-line">
          {immediate
            ? t('applications.receipt.immediateLine')
            : t('applications.receipt.dueLine', { days: a.promisedDays, date: chineseDate(a.dueOn) })}
        </p>
        {a.forwarded ? (
          <p data-testid="receipt-forwarded">{t('applications.receipt.forwardedLine', { centre: a.centreName })}</p>
        ) : null}
        <p data-testid="receipt-consult">
          {guide?.phone
            ? t('applications.receipt.consult', { phone: guide.phone })
            : t('applications.receipt.consultNone')}
        </p>
        <div className="ap-receipt-foot">
          <figure className="ap-receipt-qr" data-testid="receipt-qr">
            <QrCode
              value={receiptRateUrl(window.location.origin, a.number)}
              label={t('applications.receipt.qrAlt', { number: a.number })}
            />
            <figcaption>{t('applications.receipt.qr')}</figcaption>
          </figure>
          <div className="ap-receipt-sign">
            <div>{t('applications.receipt.issuedBy', { centre })}</div>
            <div>{t('applications.receipt.issuedOn', { date: chineseDate(a.receivedOn) })}</div>
          </div>
        </div>
      </div>
    </>
  );
}
