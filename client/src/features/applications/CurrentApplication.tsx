import { Button, Card, Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { CloseOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { etagOf } from '../../lib/versions';
import { applicationsKeys } from './api';
import { ActionPanel } from './ActionPanel';
import { ApplicationStateTag, DeadlineTag, DueDate } from './ApplicationTags';
import { useApplication, useApplicationChanged } from './hooks';
import { NoticeLinks } from './NoticeLinks';

/**
 * The application a window (or village point) is working on: what it is, for whom, by when, and one big button per
 * step it may take now — without leaving the page. Links to the details, the receipt and the notices to print.
 */
export function CurrentApplication({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useApplicationChanged();
  const query = useApplication(id ?? undefined);

  if (!id) {
    return (
      <Card title={t('applications.panel.current')} data-testid="current-application-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.panel.empty')} />
      </Card>
    );
  }
  if (query.isPending) {
    return (
      <Card title={t('applications.panel.current')}>
        <Skeleton active />
      </Card>
    );
  }
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { data: a, etag } = query.data;

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('applications.panel.current')}</span>
          <ApplicationStateTag state={a.state} testId="current-state" />
          <DeadlineTag application={a} testId="current-deadline" />
        </Flex>
      }
      extra={<Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('applications.panel.close')} />}
      data-testid="current-application"
      data-id={a.id}
    >
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="current-item">
        {a.itemCode} {a.itemName}
      </Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('applications.fields.id')}>
          <Typography.Text strong copyable={{ text: a.number }} data-testid="current-number">
            {a.number}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.applicantName')}>
          <span data-testid="current-applicant">{a.applicantName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.applicantIdNumber')}>{a.applicantIdNumber}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.receivedAt')}>{formatDateTime(a.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.dueOn')}>
          <DueDate application={a} testId="current-due-on" />
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fields.centre')}>{a.centreName}</Descriptions.Item>
        {a.ticketDisplay ? (
          <Descriptions.Item label={t('applications.fields.ticket')}>
            <span data-testid="current-ticket">{a.ticketDisplay}</span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('applications.fields.visits')}>{a.visits}</Descriptions.Item>
      </Descriptions>
      <ActionPanel
        application={a}
        etag={etag ?? etagOf(a.version)}
        onChanged={changed}
        onReload={() => queryClient.invalidateQueries({ queryKey: applicationsKeys.detail(a.id), exact: true })}
        showNone
      />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button
          icon={<FileTextOutlined />}
          onClick={() => void navigate(`/services/applications/${a.id}`)}
          data-testid="current-detail-link"
        >
          {t('applications.panel.openDetail')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          onClick={() => void navigate(`/services/applications/${a.id}/receipt`)}
          data-testid="current-receipt-link"
        >
          {t('applications.panel.printReceipt')}
        </Button>
        <NoticeLinks application={a} />
      </Flex>
    </Card>
  );
}
