import { useState } from 'react';
import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Rating } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { ProblemAlert } from '../../components/ProblemAlert';
import { looksLikePhone } from '../../lib/phone';
import { ratingsApi } from './api';
import { RatingFields } from './RatingFields';
import {
  commentRequired,
  isPublicRatingChannel,
  looksLikeApplicationId,
  publicRateBody,
  type PublicRateValues,
} from './model';

const FIELDS = ['applicationId', 'phone', 'level', 'comment'] as const;

/**
 * /public/rate: the applicant rates a finished application without logging in — the 办件编号 of the receipt and the
 * phone registered with it (a wrong pair is the API's plain 404, worded by the server); an id (older receipts) works
 * too. Channel 网上 unless the link says otherwise (the receipt's QR code: `?applicationId=<number>&channel=qr`).
 */
export function PublicRatePage() {
  const { t } = useTranslation();
  const [params] = useSearchFilters(['applicationId', 'channel'] as const);
  const channel = isPublicRatingChannel(params.channel) ? params.channel : 'online';
  const [form] = Form.useForm<PublicRateValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<Rating | null>(null);
  const level = Form.useWatch('level', form);
  const bad = commentRequired(level);

  const rate = useMutation({
    mutationFn: (v: PublicRateValues) => ratingsApi.ratePublic(publicRateBody(v, channel)),
    onSuccess: (r) => {
      setProblem(null);
      setDone(r);
    },
    onError: (e) => setProblem(applyProblemToForm(form, e, FIELDS) ? null : e),
  });

  if (done) {
    return (
      <Card style={{ maxWidth: 720, margin: '0 auto' }}>
        <Result
          status="success"
          data-testid="public-rate-done"
          data-level={done.level}
          title={t('ratings.public.thanks')}
          subTitle={
            <>
              <div>{t('ratings.public.thanksDetail', { item: done.itemName, level: done.levelName })}</div>
              {done.bad ? <div>{t('ratings.public.badNote')}</div> : null}
            </>
          }
          extra={
            <Button
              onClick={() => {
                form.resetFields();
                setDone(null);
              }}
              data-testid="public-rate-again"
            >
              {t('ratings.public.again')}
            </Button>
          }
        />
      </Card>
    );
  }

  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={3} data-testid="page-title">
        {t('ratings.public.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ratings.public.intro')}</Typography.Paragraph>
      {problem ? <ProblemAlert error={problem} testId="public-rate-problem" style={{ marginBottom: 16 }} /> : null}
      <Form<PublicRateValues>
        form={form}
        layout="vertical"
        name="public-rate"
        data-testid="public-rate-form"
        initialValues={{ applicationId: params.applicationId ?? '' }}
        onFinish={(v) => {
          setProblem(null);
          rate.mutate(v);
        }}
      >
        <Form.Item
          name="applicationId"
          label={t('ratings.public.applicationId')}
          extra={t('ratings.public.applicationIdHint')}
          rules={[
            { required: true, whitespace: true, message: t('ratings.public.applicationIdRequired') },
            {
              validator: (_, v: string | undefined) =>
                !v || v.trim() === '' || looksLikeApplicationId(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('ratings.public.applicationIdShape'))),
            },
          ]}
        >
          <Input maxLength={40} autoComplete="off" data-testid="public-rate-application-id" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('ratings.public.phone')}
          extra={t('ratings.public.phoneHint')}
          rules={[
            { required: true, whitespace: true, message: t('ratings.public.phoneRequired') },
            {
              validator: (_, v: string | undefined) =>
                !v || v.trim() === '' || looksLikePhone(v) ? Promise.resolve() : Promise.reject(new Error(t('ratings.public.phoneShape'))),
            },
          ]}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="tel" data-testid="public-rate-phone" />
        </Form.Item>
        <RatingFields
          bad={bad}
          disabled={rate.isPending}
          levelLabel={t('ratings.fields.level')}
          commentRows={{ minRows: 3, maxRows: 6 }}
          commentTestId="public-rate-comment"
        />
        <Button type="primary" size="large" htmlType="submit" block loading={rate.isPending} data-testid="public-rate-submit">
          {t('ratings.pad.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/public/power-lists">{t('ratings.public.backToPublic')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

