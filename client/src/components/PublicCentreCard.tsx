import { Card, Descriptions, Tag } from 'antd';
import { DesktopOutlined, FieldNumberOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CentreTier, PublicCentre } from '../lib/api/types';

const TIER_COLORS: Record<CentreTier, string> = { county: 'red', township: 'volcano', village: 'gold' };

/** 县级 / 乡镇 / 村级: the tier of a service centre. */
export function TierTag({ tier }: { tier: CentreTier }) {
  const { t } = useTranslation();
  return (
    <Tag color={TIER_COLORS[tier]} data-testid="centre-tier" data-tier={tier}>
      {t(`queue.tiers.${tier}`)}
    </Tag>
  );
}

/**
 * A centre for citizens: where it is, its phone and hours; the live queue and 取号 for the county hall and township
 * centres (village points have no queue) — for one item when the card is shown under that item's guide.
 */
export function PublicCentreCard({ centre: c, itemId }: { centre: PublicCentre; itemId?: string }) {
  const { t } = useTranslation();
  const take = `/public/queue/${c.id}/take` + (itemId ? `?itemId=${encodeURIComponent(itemId)}` : '');
  return (
    <Card
      size="small"
      title={c.name}
      extra={<TierTag tier={c.tier} />}
      data-testid="public-centre"
      data-id={c.id}
      data-name={c.name}
      actions={
        c.tier === 'village'
          ? undefined
          : [
              <Link key="queue" to={`/public/queue/${c.id}`} data-testid="public-centre-queue">
                <DesktopOutlined /> {t('queue.public.liveQueue')}
              </Link>,
              <Link key="take" to={take} data-testid="public-centre-take">
                <FieldNumberOutlined /> {t('queue.public.takeTicket')}
              </Link>,
            ]
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('queue.fields.address')}>{c.address || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('queue.fields.phone')}>{c.phone || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('queue.fields.hours')}>{c.hours || t('common.none')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
