import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Rectification } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { ratingsApi, ratingsKeys } from './api';
import { rectificationFilterFromQuery, RECTIFICATION_FILTER_KEYS } from './model';
import { RectificationFilters } from './RectificationFilters';
import { OverdueTag, RatingLevelTag, RectificationStateTag } from './RatingTags';
import './ratings.css';

/**
 * 差评整改: every rectification in scope, the most urgent first; by state, by the centre answering for it or only the
 * overdue ones (red), exported as filtered.
 */
export function RectificationsPage() {
  const { t } = useTranslation();
  const [values, setFilters] = useSearchFilters(RECTIFICATION_FILTER_KEYS);
  const filter = rectificationFilterFromQuery(values);
  const list = useCursorList<Rectification>(ratingsKeys.rectifications(filter), (cursor, signal) =>
    ratingsApi.rectifications({ ...filter, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader title={t('ratings.nav.rectifications')} subtitle={t('ratings.rectifications.subtitle')} />
      <Card>
        <RectificationFilters filter={filter} onChange={setFilters} />
        <CursorTable<Rectification>
          list={list}
          data-testid="rectifications-table"
          rowKey="id"
          scroll={{ x: 1000 }}
          rowClassName={(r) => (r.overdue ? 'rt-row-overdue' : '')}
          onRow={(r) =>
            ({
              'data-testid': 'rectification-row',
              'data-id': r.id,
              'data-state': r.state,
              'data-overdue': r.overdue,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('ratings.fields.application'),
              key: 'number',
              width: 170,
              render: (_: unknown, r) => (
                <span className="rt-number" data-testid="rectification-number">
                  {r.applicationNumber}
                </span>
              ),
            },
            {
              title: t('ratings.fields.item'),
              key: 'item',
              render: (_: unknown, r) => (
                <Link to={`/services/rectifications/${r.id}`} data-testid="rectification-link">
                  {r.itemName}
                </Link>
              ),
            },
            { title: t('ratings.fields.centre'), dataIndex: 'centreName', key: 'centre', width: 160 },
            {
              title: t('ratings.fields.level'),
              key: 'level',
              width: 110,
              render: (_: unknown, r) => <RatingLevelTag level={r.level} />,
            },
            {
              title: t('ratings.fields.comment'),
              key: 'comment',
              render: (_: unknown, r) =>
                r.ratingComment ? (
                  <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.ratingComment }} style={{ marginBottom: 0 }}>
                    {r.ratingComment}
                  </Typography.Paragraph>
                ) : (
                  '—'
                ),
            },
            { title: t('ratings.fields.ratedOn'), dataIndex: 'ratedOn', key: 'ratedOn', width: 110 },
            {
              title: t('ratings.fields.dueOn'),
              key: 'dueOn',
              width: 190,
              render: (_: unknown, r) => (
                <Flex gap={6} align="center" wrap>
                  <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined} data-testid="rectification-due">
                    {r.dueOn}
                  </span>
                  <OverdueTag rectification={r} />
                </Flex>
              ),
            },
            {
              title: t('ratings.fields.state'),
              key: 'state',
              width: 110,
              render: (_: unknown, r) => <RectificationStateTag state={r.state} name={r.stateName} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
