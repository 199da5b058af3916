import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { EvaluationGrant } from '../../lib/api/types';
import { directoryApi, organizationKeys } from '../../lib/api/organization';
import { countyOf, useCurrentUser } from '../../lib/auth/useAuth';
import { EVALUATION_MODULES } from '../../lib/grants';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { grantsApi } from './api';
import { GRANT_FIELDS, grantFormValues, grantRequest, newGrantValues, type GrantFormValues } from './model';

/** The longest grant the API accepts: two years from now. */
const MAX_YEARS = 2;

/** 新建 / 修改评估任务: a new grant, or (with its ETag) a change of one; the region stays what it was. */
export function GrantFormModal({
  open,
  editing,
  onClose,
  onSaved,
  onReload,
}: {
  open: boolean;
  /** The grant changed and its ETag; none: a new grant. */
  editing?: { grant: EvaluationGrant; etag: string };
  onClose: () => void;
  onSaved: (grant: EvaluationGrant) => void;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<GrantFormValues>();
  const regionId = Form.useWatch('regionId', form);
  const children = useQuery({
    queryKey: organizationKeys.regionChildren(regionId ?? null),
    queryFn: ({ signal }) => directoryApi.regions(regionId ?? null, signal),
    enabled: open && !!regionId,
    staleTime: 5 * 60_000,
  });
  const townships = (children.data ?? []).filter((r) => r.level === 'township');

  const send = useFormSend(form, {
    send: (v: GrantFormValues) =>
      editing
        ? grantsApi.change(editing.grant.id, grantRequest(v, editing.grant), editing.etag).then((r) => r.data)
        : grantsApi.create(grantRequest(v)),
    onSuccess: onSaved,
    fields: GRANT_FIELDS,
    onReload: editing ? onReload : undefined,
  });
  const required = (field: string) => ({ required: true, whitespace: true, message: t('grant.required', { field }) });
  const choose = (field: string) => ({ required: true, message: t('grant.choose', { field }) });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name={editing ? 'change-grant' : 'create-grant'}
      width={640}
      title={editing ? t('grant.editTitle') : t('grant.createTitle')}
      okText={editing ? undefined : t('common.create')}
      startOnOpen={() => (editing ? grantFormValues(editing.grant) : newGrantValues(countyOf(me)))}
      onValuesChange={(changed: Partial<GrantFormValues>) => {
        if ('regionId' in changed) form.setFieldValue('townshipIds', []);
      }}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': editing ? 'grant-edit-submit' : 'grant-form-submit' }}
      data-testid={editing ? 'grant-edit-modal' : 'grant-form-modal'}
    >
      <Form.Item name="organisation" label={t('grant.organisation')} rules={[required(t('grant.organisation'))]}>
        <Input maxLength={200} placeholder={t('grant.organisationPlaceholder')} data-testid="grant-form-organisation" />
      </Form.Item>
      <Form.Item name="purpose" label={t('grant.purpose')} rules={[required(t('grant.purpose'))]}>
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 2 }}
          placeholder={t('grant.purposePlaceholder')}
          data-testid="grant-form-purpose"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="regionId"
            label={t('grant.region')}
            extra={editing ? t('grant.regionFixed') : undefined}
            rules={[choose(t('grant.region'))]}
          >
            {editing ? (
              <Select disabled options={[{ value: editing.grant.regionId, label: editing.grant.regionName }]} />
            ) : (
              <RegionTreeSelect allowClear={false} testId="grant-form-region" style={{ width: '100%' }} />
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="townshipIds" label={t('grant.townships')} extra={t('grant.townshipsHint')}>
            <Select<string[]>
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={townships.length === 0}
              loading={children.isFetching}
              placeholder={t('grant.townshipsPlaceholder')}
              options={townships.map((r) => ({ value: r.id, label: r.name }))}
              data-testid="grant-form-townships"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="periodFrom" label={t('grant.periodFrom')} rules={[choose(t('grant.periodFrom'))]}>
            <DatePicker style={{ width: '100%' }} data-testid="grant-form-period-from" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="periodTo"
            label={t('grant.periodTo')}
            dependencies={['periodFrom']}
            rules={[
              choose(t('grant.periodTo')),
              ({ getFieldValue }) => ({
                validator: (_, to?: Dayjs) => {
                  const from = getFieldValue('periodFrom') as Dayjs | undefined;
                  return !to || !from || !to.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('grant.periodOrder')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="grant-form-period-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="modules"
        label={t('grant.modules')}
        rules={[{ required: true, type: 'array', min: 1, message: t('grant.modulesRequired') }]}
      >
        <Checkbox.Group
          data-testid="grant-form-modules"
          options={EVALUATION_MODULES.map((m) => ({ value: m, label: t(`grant.moduleNames.${m}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="expiresAt"
        label={t('grant.expiresAt')}
        extra={t('grant.expiresHint')}
        rules={[choose(t('grant.expiresAt'))]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(dayjs(), 'day') || !d.isBefore(dayjs().add(MAX_YEARS, 'year'), 'day')}
          data-testid="grant-form-expires"
        />
      </Form.Item>
    </FormModal>
  );
}
