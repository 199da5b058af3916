import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicCounties } from '../lib/publicCounties';
import { ProblemAlert } from './ProblemAlert';

/**
 * 请选择县（市、区）: the counties as links, for a public page reached without a county in its address
 * (`/public/services`, `/public/centres`). `to` builds the county's address.
 */
export function PublicCountyPicker({ title, to }: { title: string; to: (countyId: string) => string }) {
  const { t } = useTranslation();
  const counties = usePublicCounties();
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicSite.pickCountyIntro')}</Typography.Paragraph>
      {counties.isPending ? (
        <Skeleton active />
      ) : counties.isError ? (
        <ProblemAlert error={counties.error} />
      ) : counties.data.length === 0 ? (
        <Empty description={t('publicSite.noCounties')} />
      ) : (
        <Flex vertical gap={8} data-testid="public-county-picker" style={{ maxWidth: 480 }}>
          {counties.data.map((c) => (
            <Link key={c.id} to={to(c.id)} data-testid="public-county-pick" data-id={c.id}>
              <Card size="small" hoverable>
                <Flex justify="space-between" align="center">
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <RightOutlined />
                </Flex>
              </Card>
            </Link>
          ))}
        </Flex>
      )}
    </>
  );
}
