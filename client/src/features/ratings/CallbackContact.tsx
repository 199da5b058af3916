import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApplicantContact } from '../../lib/api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ratingsApi, ratingsKeys } from './api';

interface Props {
  rectificationId: string;
  /** As the detail gives it: masked. */
  contact: ApplicantContact;
}

/**
 * The applicant to call back (回访): name and phone masked; a user whose role may (the API says so) reveals them. The
 * API records every reveal in the audit trail, so it is fetched only when asked for, once, and not kept.
 */
export function CallbackContact({ rectificationId, contact }: Props) {
  const { t } = useTranslation();
  const [reveal, setReveal] = useState(false);
  const revealed = useQuery({
    queryKey: ratingsKeys.revealed(rectificationId),
    queryFn: ({ signal }) => ratingsApi.rectification(rectificationId, true, signal),
    enabled: reveal,
    staleTime: Infinity,
    gcTime: 0,
  });
  const shown = (reveal && revealed.data?.data.contact) || contact;

  return (
    <Flex vertical gap={8} data-testid="rectification-contact">
      <Flex gap={12} align="center" wrap>
        <span data-testid="rectification-contact-name">{shown.name}</span>
        <span className="rt-number" data-testid="rectification-contact-phone">
          {shown.phone}
        </span>
        {shown.revealed ? (
          <Typography.Text type="warning" data-testid="rectification-contact-revealed">
            {t('ratings.contact.revealed')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('ratings.contact.masked')}</Typography.Text>
        )}
        {!contact.mayReveal ? null : reveal ? (
          <Button
            size="small"
            icon={<EyeInvisibleOutlined />}
            onClick={() => setReveal(false)}
            data-testid="rectification-contact-hide"
          >
            {t('ratings.contact.hide')}
          </Button>
        ) : (
          <Button
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setReveal(true)}
            data-testid="rectification-contact-reveal"
          >
            {t('ratings.contact.reveal')}
          </Button>
        )}
      </Flex>
      {revealed.isError ? <ProblemAlert error={revealed.error} /> : null}
    </Flex>
  );
}
