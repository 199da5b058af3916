import type { ReactNode } from 'react';
import { Flex, Grid, Steps, Table, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ServiceItemVersion, ServiceMaterial } from '../../lib/api/types';
import { PeriodLabel } from '../../components/PeriodLabel';
import './services.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="sc-guide-section" data-testid="guide-section" data-section={id}>
      <Typography.Title level={5} className="sc-guide-heading">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** Text as entered, line breaks kept. */
function Prose({ value }: { value: string }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph>;
}

/**
 * 办事指南: one version of a service item as the public reads it — 办理依据, 受理条件, 申请材料, 办理时限, 收费,
 * 办理流程, 咨询电话, 办理渠道. The same on the internal detail page and the public page.
 */
export function GuideView({ v }: { v: ServiceItemVersion }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md; // the materials as a numbered list, not a five-column table
  return (
    <article className="sc-guide" data-testid="guide" data-code={v.code} data-version={v.version}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag color="blue" data-testid="guide-level">
          {t(`services.levels.${v.level}`)}
        </Tag>
        <Tag color={v.kind === 'immediate' ? 'green' : 'orange'} data-testid="guide-kind">
          {t(`services.kinds.${v.kind}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('services.code')}：{v.code} · v{v.version} · <PeriodLabel from={v.effectiveFrom} to={v.effectiveTo} />
        </Typography.Text>
      </Flex>

      <Section id="legalBasis" title={t('services.guide.legalBasis')}>
        <Prose value={v.legalBasis} />
      </Section>
      <Section id="conditions" title={t('services.guide.conditions')}>
        <Prose value={v.conditions} />
      </Section>
      <Section id="materials" title={t('services.guide.materials')}>
        {v.noMaterials || v.materials.length === 0 ? (
          <Typography.Text data-testid="guide-no-materials">{t('services.noMaterials')}</Typography.Text>
        ) : phone ? (
          <ol className="sc-guide-materials" data-testid="guide-materials">
            {v.materials.map((m, i) => (
              <li key={i} data-testid="guide-material">
                <Typography.Text strong>{m.name}</Typography.Text>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  <Tag>{t(`services.forms.${m.form}`)}</Tag>
                  <Tag>{t('publicSite.materialCopies', { count: m.copies })}</Tag>
                  <Tag color={m.required ? 'red' : 'default'}>
                    {m.required ? t('services.required') : t('services.optional')}
                  </Tag>
                </Flex>
              </li>
            ))}
          </ol>
        ) : (
          <Table<ServiceMaterial & { index: number }>
            size="small"
            bordered
            pagination={false}
            rowKey="index"
            data-testid="guide-materials"
            dataSource={v.materials.map((m, index) => ({ ...m, index }))}
            onRow={() => ({ 'data-testid': 'guide-material' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('services.seq'), dataIndex: 'index', key: 'index', width: 64, render: (i: number) => i + 1 },
              { title: t('services.materialName'), dataIndex: 'name', key: 'name' },
              {
                title: t('services.materialForm'),
                dataIndex: 'form',
                key: 'form',
                width: 140,
                render: (f: ServiceMaterial['form']) => t(`services.forms.${f}`),
              },
              { title: t('services.copies'), dataIndex: 'copies', key: 'copies', width: 80 },
              {
                title: t('services.requiredColumn'),
                dataIndex: 'required',
                key: 'required',
                width: 100,
                render: (r: boolean) => (r ? t('services.required') : t('services.optional')),
              },
            ]}
          />
        )}
      </Section>
      <Section id="timeLimit" title={t('services.guide.timeLimit')}>
        <Flex gap={32} wrap>
          <span data-testid="guide-statutory-days">
            {t('services.statutoryDays')}：{t('services.workingDays', { count: v.statutoryDays })}
          </span>
          <span data-testid="guide-promised-days">
            {t('services.promisedDays')}：
            {v.kind === 'immediate' || v.promisedDays === null
              ? t('services.onTheSpot')
              : t('services.workingDays', { count: v.promisedDays })}
          </span>
        </Flex>
      </Section>
      <Section id="fee" title={t('services.guide.fee')}>
        <span data-testid="guide-fee">
          {v.feeAmount ? (
            <>
              {t('services.feeText', { amount: v.feeAmount })}
              {v.feeBasis ? `（${t('services.feeBasis')}：${v.feeBasis}）` : null}
            </>
          ) : (
            t('services.free')
          )}
        </span>
      </Section>
      <Section id="steps" title={t('services.guide.steps')}>
        <Steps
          data-testid="guide-steps"
          size="small"
          current={-1}
          orientation={phone ? 'vertical' : 'horizontal'}
          items={v.steps.map((s) => ({ title: s, status: 'process' as const }))}
        />
      </Section>
      <Section id="phone" title={t('services.guide.phone')}>
        <span data-testid="guide-phone">
          <PhoneOutlined /> {v.phone}
        </span>
      </Section>
      <Section id="channels" title={t('services.guide.channels')}>
        <Flex gap={4} wrap data-testid="guide-channels">
          {v.channels.map((c) => (
            <Tag key={c} data-channel={c}>
              {t(`services.channelNames.${c}`)}
            </Tag>
          ))}
        </Flex>
      </Section>
    </article>
  );
}
