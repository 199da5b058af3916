import { Button, Card, Flex, Skeleton } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../../lib/api/client';
import type { Application } from '../../lib/api/types';
import { NotFound } from '../../components/NotFound';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApplication } from './hooks';
import { chineseDate } from './model';
import { MaterialsTable } from './MaterialsTable';
import { isNoticeKind, notReceived, received, requested, type NoticeKind } from './materials';
import './applications.css';

/**
 * The printable notices of an application, on the receipt's A4 sheet: 一次性告知书 (every material the item needs,
 * those still missing marked), 补正通知书 (the materials ticked at 补正, its note, the centre and date, and the rule
 * that the time limit pauses until they are complete), and 收件清单 (the materials received, original or copy, and
 * copies). 打印 prints only the sheet.
 */
export function NoticePage() {
  const { t } = useTranslation();
  const { id = '', kind } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  const a = application.data?.data;

  if (application.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (!isNoticeKind(kind) || application.isError || !a) {
    if (!isNoticeKind(kind) || (isApiProblem(application.error) && [400, 404].includes(application.error.status))) {
      return (
        <Card>
          <NotFound />
        </Card>
      );
    }
    return <ProblemAlert error={application.error} />;
  }

  const centre = a.receivingCentre ?? a.originName;
  return (
    <>
      <Flex gap={8} justify="space-between" wrap className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/services/applications/${a.id}`)}>
          {t('applications.receipt.back')}
        </Button>
        <Button type="primary" size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('applications.notices.print')}
        </Button>
      </Flex>
      <div className="ap-receipt" data-testid="notice">
        <div className="ap-receipt-title" data-testid="notice-title">
          {t(`applications.notices.${kind}`)}
        </div>
        <div className="ap-receipt-centre">{centre}</div>
        <div className="ap-receipt-no">
          {t('applications.fields.id')}：{a.number}
        </div>
        <p>{t('applications.notices.to', { name: a.applicantName })}</p>
        <NoticeBody kind={kind} application={a} />
        <div className="ap-receipt-foot" style={{ justifyContent: 'flex-end' }}>
          <div className="ap-receipt-sign">
            <div>{t('applications.receipt.issuedBy', { centre })}</div>
            <div data-testid="notice-date">{chineseDate(noticeDate(kind, a))}</div>
          </div>
        </div>
      </div>
    </>
  );
}

/** The 补正通知书 is dated on the day of the 补正; the others on the day they are printed about (receipt). */
function noticeDate(kind: NoticeKind, a: Application): string {
  return kind === 'rectification' && a.suspendedOn ? a.suspendedOn : a.receivedOn;
}

function NoticeBody({ kind, application: a }: { kind: NoticeKind; application: Application }) {
  const { t } = useTranslation();
  if (a.materials.length === 0) return <p data-testid="notice-empty">{t('applications.notices.noChecklist')}</p>;
  switch (kind) {
    case 'notice':
      return (
        <>
          <p>{t('applications.notices.noticeIntro', { item: a.itemName })}</p>
          <MaterialsTable materials={a.materials} show="status" />
          {notReceived(a.materials).length === 0 ? <p>{t('applications.notices.noneMissing')}</p> : null}
        </>
      );
    case 'rectification': {
      const note = [...a.events].reverse().find((e) => e.action === 'suspend')?.note;
      return (
        <>
          <p>{t('applications.notices.rectificationIntro', { item: a.itemName, number: a.number })}</p>
          <MaterialsTable materials={requested(a.materials)} show="form" />
          {note ? <p data-testid="notice-note">{t('applications.notices.rectificationNote', { note })}</p> : null}
          <p data-testid="notice-rule">{t('applications.notices.rectificationRule', { days: a.promisedDays })}</p>
        </>
      );
    }
    case 'checklist': {
      const got = received(a.materials);
      return (
        <>
          <p>{t('applications.notices.checklistIntro', { item: a.itemName, number: a.number })}</p>
          {got.length > 0 ? (
            <MaterialsTable materials={got} show="receivedForm" />
          ) : (
            <p>{t('applications.notices.noneReceived')}</p>
          )}
        </>
      );
    }
  }
}
