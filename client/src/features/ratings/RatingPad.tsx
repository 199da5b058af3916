import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Divider, Flex, Form, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Application, Rating, RatingLevel } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { applyProblemToForm } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { ratingsApi, ratingsKeys } from './api';
import { RatingFields } from './RatingFields';
import { commentRequired, isRateable, rateBody, showRatingPad } from './model';
import { RatingChannelText, RatingLevelTag } from './RatingTags';

interface PadValues {
  level?: RatingLevel;
  comment?: string;
}

/** One rating of the application: its level, channel, words, and the rectification it opened. */
function RatingLine({ r }: { r: Rating }) {
  const { t } = useTranslation();
  return (
    <div data-testid="application-rating" data-level={r.level} data-channel={r.channel}>
      <Flex gap={6} align="center" wrap>
        <RatingLevelTag level={r.level} />
        <Typography.Text type="secondary">
          <RatingChannelText channel={r.channel} /> · {formatDateTime(r.ratedAt)}
        </Typography.Text>
        {r.rectificationId ? (
          <Link to={`/services/rectifications/${r.rectificationId}`} data-testid="rating-rectification-link">
            {t('ratings.pad.openRectification')}
          </Link>
        ) : null}
      </Flex>
      {r.comment ? <div>{r.comment}</div> : null}
    </div>
  );
}

/** The pad itself: five faces and a comment box (required for 不满意 / 非常不满意). */
function Pad({ application, onRated }: { application: Application; onRated: (r: Rating) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PadValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const level = Form.useWatch('level', form);
  const bad = commentRequired(level);

  const rate = useMutation({
    mutationFn: (v: PadValues) => ratingsApi.rateAtWindow(application.id, rateBody(v.level!, v.comment)),
    onSuccess: (r) => {
      form.resetFields();
      setProblem(null);
      onRated(r);
    },
    onError: (e) => setProblem(applyProblemToForm(form, e, ['level', 'comment']) ? null : e),
  });

  return (
    <Form<PadValues>
      form={form}
      layout="vertical"
      name="rating-pad"
      data-testid="rating-pad"
      onFinish={(v) => {
        setProblem(null);
        rate.mutate(v);
      }}
    >
      <Typography.Paragraph type="secondary">{t('ratings.pad.prompt')}</Typography.Paragraph>
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 12 }} /> : null}
      <RatingFields bad={bad} disabled={rate.isPending} commentRows={{ minRows: 2, maxRows: 5 }} commentTestId="rating-comment" />
      <Button type="primary" size="large" block htmlType="submit" loading={rate.isPending} data-testid="rating-submit">
        {t('ratings.pad.submit')}
      </Button>
    </Form>
  );
}

/**
 * 好差评 of a finished application on its detail page: the ratings given so far (every channel) and, for the window
 * clerk or village agent holding it, the rating pad (评价器) the applicant uses at the counter — once; a bad rating
 * opens a rectification, linked from here. Nothing is shown before the application is finished.
 */
export function RatingPad({ application }: { application: Application }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [rated, setRated] = useState<Rating | null>(null);
  const rateable = isRateable(application.state);
  const ratings = useQuery({
    queryKey: ratingsKeys.ofApplication(application.id),
    queryFn: ({ signal }) => ratingsApi.list({ applicationId: application.id, limit: 20 }, signal),
    enabled: rateable,
  });
  if (!rateable) return null;
  const items = ratings.data?.items ?? [];

  return (
    <Card title={t('ratings.pad.title')} style={{ marginBottom: 16 }} data-testid="application-ratings">
      {ratings.isError && !(isApiProblem(ratings.error) && ratings.error.status === 403) ? (
        <ProblemAlert error={ratings.error} style={{ marginBottom: 12 }} />
      ) : null}
      {rated ? (
        <Alert
          type={rated.bad ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="rating-pad-done"
          data-level={rated.level}
          title={t('ratings.pad.done', { level: rated.levelName })}
          description={
            rated.rectificationId ? (
              <Link to={`/services/rectifications/${rated.rectificationId}`} data-testid="rating-pad-rectification">
                {t('ratings.pad.rectificationOpened')}
              </Link>
            ) : undefined
          }
        />
      ) : null}
      {items.length > 0 ? (
        <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="application-rating-list">
          {items.map((r) => (
            <RatingLine key={r.id} r={r} />
          ))}
        </Flex>
      ) : ratings.isSuccess && !showRatingPad(me, application.state, items) ? (
        <Typography.Text type="secondary" data-testid="application-no-ratings">
          {t('ratings.pad.none')}
        </Typography.Text>
      ) : null}
      {ratings.isSuccess && showRatingPad(me, application.state, items) ? (
        <>
          {items.length > 0 ? <Divider style={{ margin: '8px 0 12px' }} /> : null}
          <Pad
          application={application}
          onRated={(r) => {
            setRated(r);
            void message.success(t('ratings.pad.done', { level: r.levelName }));
            void queryClient.invalidateQueries({ queryKey: ratingsKeys.all });
          }}
          />
        </>
      ) : null}
    </Card>
  );
}
