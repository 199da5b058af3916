import { Alert, Flex, Form, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialForm } from '../../lib/api/types';
import { requiredMissing, TICKS, type GuideMaterial, type Tick } from './materials';

/**
 * 收件清单 at registration: each material of the item's guide (its form, copies, required or not) ticked as received
 * (原件 or 复印件) or missing. A required material missing only warns: the clerk may still register, then print the
 * 一次性告知书 or accept and ask for it (补正).
 */
export function MaterialsChecklist({
  materials,
  ticks,
  onChange,
}: {
  materials: readonly GuideMaterial[];
  ticks: readonly Tick[];
  onChange: (ticks: Tick[]) => void;
}) {
  const { t } = useTranslation();
  if (materials.length === 0) {
    return (
      <Form.Item label={t('applications.materials.title')}>
        <Typography.Text type="secondary" data-testid="register-materials-none">
          {t('applications.materials.none')}
        </Typography.Text>
      </Form.Item>
    );
  }
  const missing = requiredMissing(materials, ticks);
  return (
    <Form.Item label={t('applications.materials.title')} extra={t('applications.materials.hint')}>
      <Flex vertical gap={8} data-testid="register-materials">
        {materials.map((m, i) => (
          <Flex key={m.name} justify="space-between" align="center" gap={8} wrap data-testid="register-material">
            <span>
              <Typography.Text strong>{m.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {t(`applications.materials.${m.form as MaterialForm}`)} ·{' '}
                {t('applications.materials.copies', { count: m.copies })}
              </Typography.Text>{' '}
              {m.required ? <Tag color="red">{t('applications.materials.required')}</Tag> : null}
            </span>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={ticks[i] ?? 'missing'}
              onChange={(e) => onChange(ticks.map((x, j) => (j === i ? (e.target.value as Tick) : x)))}
              data-testid={`register-material-${i}`}
            >
              {TICKS.map((tick) => (
                <Radio.Button key={tick} value={tick}>
                  <span data-testid={`register-material-${i}-${tick}`}>{t(`applications.materials.${tick}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Flex>
        ))}
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('applications.materials.requiredMissing', { names: missing.join('、') })}
            data-testid="register-materials-missing"
          />
        ) : null}
      </Flex>
    </Form.Item>
  );
}
