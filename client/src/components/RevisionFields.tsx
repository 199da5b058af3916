import { Col, DatePicker, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The two fields' labels, in the words of the catalogue the form belongs to. */
  labels: { effectiveFrom: string; changeNote: string };
  /** The inputs' test ids are `${testIdPrefix}-effective-from` and `${testIdPrefix}-change-note`. */
  testIdPrefix: string;
  /** The earliest effective date allowed (revisions: the day after the latest version's start). */
  minEffectiveFrom?: string;
}

/** 生效日期 and 变更说明: what each new version of a versioned record says of itself (inside its form, last). */
export function RevisionFields({ labels, testIdPrefix, minEffectiveFrom }: Props) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="effectiveFrom"
          label={labels.effectiveFrom}
          extra={minEffectiveFrom ? t('powers.item.effectiveFromAfter', { date: minEffectiveFrom }) : undefined}
          rules={[{ required: true, message: t('powers.form.choose', { field: labels.effectiveFrom }) }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            data-testid={`${testIdPrefix}-effective-from`}
            disabledDate={minEffectiveFrom ? (d) => d.format('YYYY-MM-DD') < minEffectiveFrom : undefined}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item
          name="changeNote"
          label={labels.changeNote}
          rules={[{ required: true, whitespace: true, message: t('powers.form.required', { field: labels.changeNote }) }]}
        >
          <Input maxLength={500} data-testid={`${testIdPrefix}-change-note`} />
        </Form.Item>
      </Col>
    </Row>
  );
}
