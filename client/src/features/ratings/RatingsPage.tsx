import { Card, Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Rating } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { CursorTable } from '../../components/CursorTable';
import { ratingsApi, ratingsKeys } from './api';
import { ratingFilterFromQuery, RATING_FILTER_KEYS } from './model';
import { RatingChannelText, RatingLevelTag } from './RatingTags';
import './ratings.css';

/** 好差评: every rating in the caller's scope, newest first; bad ones only and a date range, kept in the query string. */
export function RatingsPage() {
  const { t } = useTranslation();
  const [values, setFilters] = useSearchFilters(RATING_FILTER_KEYS);
  const filter = ratingFilterFromQuery(values);
  const list = useCursorList<Rating>(ratingsKeys.list(filter), (cursor, signal) =>
    ratingsApi.list({ ...filter, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader title={t('ratings.nav.ratings')} subtitle={t('ratings.list.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="ratings-filters">
          <Checkbox
            checked={filter.bad === true}
            onChange={(e) => setFilters({ bad: e.target.checked ? 'true' : undefined })}
            data-testid="ratings-bad-filter"
          >
            <span style={{ color: '#cf1322' }}>{t('ratings.list.badOnly')}</span>
          </Checkbox>
          <DateRangeFilter
            from={filter.from}
            to={filter.to}
            onChange={setFilters}
            placeholder={t('ratings.list.dateRange')}
            testId="ratings-date-filter"
          />
        </Flex>
        <CursorTable<Rating>
          list={list}
          data-testid="ratings-table"
          rowKey="id"
          scroll={{ x: 1000 }}
          onRow={(r) =>
            ({
              'data-testid': 'rating-row',
              'data-id': r.id,
              'data-level': r.level,
              'data-bad': r.bad,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('ratings.fields.ratedAt'),
              key: 'ratedAt',
              width: 150,
              render: (_: unknown, r) => formatDateTime(r.ratedAt),
            },
            {
              title: t('ratings.fields.level'),
              key: 'level',
              width: 110,
              render: (_: unknown, r) => <RatingLevelTag level={r.level} />,
            },
            {
              title: t('ratings.fields.application'),
              key: 'number',
              width: 170,
              render: (_: unknown, r) => (
                <Link
                  to={`/services/applications/${r.applicationId}`}
                  className="rt-number"
                  data-testid="rating-number"
                >
                  {r.applicationNumber}
                </Link>
              ),
            },
            {
              title: t('ratings.fields.item'),
              key: 'item',
              render: (_: unknown, r) => (
                <Link to={`/services/applications/${r.applicationId}`} data-testid="rating-application-link">
                  {r.itemName}
                </Link>
              ),
            },
            { title: t('ratings.fields.centre'), dataIndex: 'centreName', key: 'centre', width: 160 },
            {
              title: t('ratings.fields.channel'),
              key: 'channel',
              width: 110,
              render: (_: unknown, r) => <RatingChannelText channel={r.channel} />,
            },
            {
              title: t('ratings.fields.comment'),
              key: 'comment',
              render: (_: unknown, r) =>
                r.comment ? (
                  <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.comment }} style={{ marginBottom: 0 }}>
                    {r.comment}
                  </Typography.Paragraph>
                ) : (
                  '—'
                ),
            },
            {
              title: t('ratings.fields.rectification'),
              key: 'rectification',
              width: 100,
              render: (_: unknown, r) =>
                r.rectificationId ? (
                  <Link to={`/services/rectifications/${r.rectificationId}`} data-testid="rating-rectification-link">
                    {t('ratings.pad.openRectification')}
                  </Link>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
