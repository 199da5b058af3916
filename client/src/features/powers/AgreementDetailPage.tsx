import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, Table } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { Agreement, AgreementItem } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { PageHeader } from '../../components/PageHeader';
import { FormModal } from '../../components/FormModal';
import { RecordStatus } from '../../components/RecordStatus';
import { AuditTrailLink } from '../../components/AuditTrailLink';
import { hasPermission, useCurrentUser } from '../../lib/auth/useAuth';
import { powersApi, powersKeys } from './api';
import { AgreementStatusTag, ExpiryLabel } from './AgreementStatusTag';
import { canRevoke } from './model';
import { countyToday } from '../../lib/dates';
import { etagOf } from '../../lib/versions';
import './powers.css';

interface RevokeValues {
  revokedOn: Dayjs;
  reason: string;
}

function RevokeModal({
  open,
  agreement,
  etag,
  onClose,
  onDone,
  onReload,
}: {
  open: boolean;
  agreement: Agreement;
  etag: string;
  onClose: () => void;
  onDone: (a: Agreement) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RevokeValues>();
  const send = useFormSend(form, {
    send: (v: RevokeValues) =>
      powersApi.revokeAgreement(agreement.id, { revokedOn: v.revokedOn.format('YYYY-MM-DD'), reason: v.reason.trim() }, etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['revokedOn', 'reason'],
    onReload,
  });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="revoke-agreement"
      startOnOpen={() => ({ revokedOn: dayjs(countyToday()), reason: '' })}
      title={t('powers.agreement.revokeTitle', { documentNo: agreement.documentNo })}
      okText={t('powers.agreement.revokeConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'revoke-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="revoke-modal"
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('powers.agreement.revokeWarning')} />}
    >
      <Form.Item
        name="revokedOn"
        label={t('powers.agreement.revokedOn')}
        rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.agreement.revokedOn') }) }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          data-testid="revoke-date"
          disabledDate={(d) => d.format('YYYY-MM-DD') > agreement.endsOn}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('powers.agreement.revokeReason')}
        rules={[{ required: true, whitespace: true, message: t('powers.form.required', { field: t('powers.agreement.revokeReason') }) }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="revoke-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** An agreement: its terms, state and items; 撤销 (with If-Match) for agreements.manage. */
export function AgreementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [revoking, setRevoking] = useState(false);
  const agreement = useQuery({
    queryKey: powersKeys.agreement(id),
    queryFn: ({ signal }) => powersApi.agreement(id, signal),
    enabled: !!id,
  });

  if (agreement.isPending || agreement.isError) return <RecordStatus error={agreement.error} />;
  const { data: a, etag } = agreement.data;
  const manage = hasPermission(me, 'agreements.manage');

  return (
    <>
      <PageHeader
        title={<span data-testid="agreement-title">{a.documentNo}</span>}
        subtitle={`${a.departmentName} → ${a.townshipName}`}
        extra={
          <>
            <AuditTrailLink recordType="agreement" recordId={a.id} />
            {manage && canRevoke(a) ? (
              <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)} data-testid="agreement-revoke">
                {t('powers.agreement.revoke')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          data-testid="agreement-detail"
          styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('powers.agreement.status')}>
            <AgreementStatusTag status={a.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('powers.agreement.daysToExpiry')}>
            <ExpiryLabel agreement={a} />
          </Descriptions.Item>
          <Descriptions.Item label={t('powers.agreement.department')}>{a.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('powers.agreement.township')}>
            <Link to={`/power-lists/townships/${a.townshipId}`}>{a.townshipName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('powers.agreement.signedOn')}>{a.signedOn}</Descriptions.Item>
          <Descriptions.Item label={t('powers.agreement.term')}>
            {a.startsOn} ~ {a.endsOn}
          </Descriptions.Item>
          {a.revokedOn ? (
            <>
              <Descriptions.Item label={t('powers.agreement.revokedOn')}>{a.revokedOn}</Descriptions.Item>
              <Descriptions.Item label={t('powers.agreement.revokeReason')}>{a.revokeReason ?? '—'}</Descriptions.Item>
            </>
          ) : null}
          <Descriptions.Item label={t('powers.agreement.noticeUrl')} span={2}>
            {a.noticeUrl ? (
              <a href={a.noticeUrl} target="_blank" rel="noreferrer noopener">
                {a.noticeUrl}
              </a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('powers.agreement.itemsTitle', { count: a.items.length })}>
        <Table<AgreementItem>
          data-testid="agreement-items"
          rowKey="itemId"
          size="small"
          pagination={false}
          dataSource={a.items}
          columns={[
            {
              title: t('powers.item.code'),
              dataIndex: 'code',
              key: 'code',
              width: 140,
              render: (code: string, i) => <Link to={`/power-lists/items/${i.itemId}`}>{code}</Link>,
            },
            { title: t('powers.item.name'), dataIndex: 'name', key: 'name' },
          ]}
        />
      </Card>
      {manage ? (
        <RevokeModal
          open={revoking}
          agreement={a}
          etag={etag ?? etagOf(a.version)}
          onClose={() => setRevoking(false)}
          onReload={() => queryClient.invalidateQueries({ queryKey: powersKeys.agreement(id) })}
          onDone={() => {
            setRevoking(false);
            void message.success(t('powers.agreement.revoked'));
            void queryClient.invalidateQueries({ queryKey: powersKeys.agreementsAll });
            void queryClient.invalidateQueries({ queryKey: powersKeys.townshipAll });
          }}
        />
      ) : null}
    </>
  );
}
