import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Campaign, WorkArea } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { staffingApi } from './api';
import { WORK_AREAS } from './secondment';
import { TownshipSelect } from '../../components/TownshipSelect';

interface PostValues {
  townshipId?: string;
  workArea?: WorkArea;
  posts?: number;
}

interface Values {
  year?: number;
  name?: string;
  writtenWeight?: number;
  posts?: PostValues[];
}

const FIELDS = ['year', 'name', 'writtenWeight', 'posts'] as const;

/** 选派公告: a campaign's year, name, written weight and posts by township and work area. */
export function CreateCampaignModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      staffingApi.createCampaign({
        year: v.year ?? null,
        name: v.name?.trim() || null,
        writtenWeight: v.writtenWeight ?? null,
        posts: (v.posts ?? []).map((p) => ({ townshipId: p.townshipId ?? null, workArea: p.workArea ?? null, posts: p.posts ?? null })),
      }),
    onSuccess: ({ data }) => onCreated(data),
    fields: FIELDS,
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });
  const year = new Date().getFullYear();

  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="campaign"
      width={760}
      title={t('staffing.secondment.campaigns.create')}
      okText={t('staffing.secondment.campaigns.create')}
      startOnOpen={() => ({
        year,
        name: `${year}年县直单位人员选派到乡镇工作`,
        writtenWeight: 0.5,
        posts: [{ workArea: 'revitalization', posts: 1 }],
      })}
      okButtonProps={{ 'data-testid': 'campaign-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="campaign-modal"
    >
      <Row gutter={12}>
        <Col xs={8} md={5}>
          <Form.Item name="year" label={t('staffing.secondment.campaigns.year')} rules={[required(t('staffing.secondment.campaigns.year'))]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="campaign-year" />
          </Form.Item>
        </Col>
        <Col xs={16} md={13}>
          <Form.Item
            name="name"
            label={t('staffing.secondment.campaigns.name')}
            rules={[{ ...required(t('staffing.secondment.campaigns.name')), whitespace: true }]}
          >
            <Input maxLength={200} data-testid="campaign-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="writtenWeight"
            label={t('staffing.secondment.campaigns.writtenWeight')}
            tooltip={t('staffing.secondment.campaigns.writtenWeightHelp')}
            rules={[required(t('staffing.secondment.campaigns.writtenWeight'))]}
          >
            <InputNumber min={0} max={1} step={0.1} precision={2} style={{ width: '100%' }} data-testid="campaign-weight" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List
        name="posts"
        rules={[
          {
            validator: async (_, posts?: PostValues[]) => {
              if (!posts || posts.length === 0) throw new Error(t('staffing.secondment.campaigns.noPosts'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Card size="small" key={field.key} style={{ marginBottom: 8 }} data-testid={`campaign-post-${i}`}>
                <Row gutter={8}>
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[field.name, 'townshipId']}
                      label={t('staffing.secondment.campaigns.township')}
                      rules={[required(t('staffing.secondment.campaigns.township'))]}
                    >
                      <TownshipSelect testId={`campaign-township-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={14} md={9}>
                    <Form.Item
                      name={[field.name, 'workArea']}
                      label={t('staffing.secondment.campaigns.workArea')}
                      rules={[required(t('staffing.secondment.campaigns.workArea'))]}
                    >
                      <Select
                        data-testid={`campaign-work-area-${i}`}
                        options={WORK_AREAS.map((w) => ({ value: w, label: t(`staffing.secondment.workArea.${w}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item
                      name={[field.name, 'posts']}
                      label={t('staffing.secondment.campaigns.postCount')}
                      rules={[required(t('staffing.secondment.campaigns.postCount'))]}
                    >
                      <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid={`campaign-posts-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2} style={{ display: 'flex', alignItems: 'center' }}>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('staffing.secondment.campaigns.removePost')}
                      />
                    ) : null}
                  </Col>
                </Row>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ workArea: 'revitalization', posts: 1 })} data-testid="campaign-add-post">
              {t('staffing.secondment.campaigns.addPost')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
