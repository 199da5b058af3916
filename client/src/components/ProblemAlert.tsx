import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../lib/api/client';

interface Props {
  error: unknown;
  testId?: string;
  style?: React.CSSProperties;
}

/** Problem details → an error Alert: the server's detail (already Chinese) or its title. */
export function ProblemAlert({ error, testId = 'problem-alert', style }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiProblem(error)
    ? error.displayMessage
    : error instanceof Error
      ? error.message
      : t('common.requestFailed');
  const traceId = isApiProblem(error) ? error.traceId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={style}
      title={message}
      description={
        traceId ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common.traceId')}: {traceId}
          </Typography.Text>
        ) : undefined
      }
    />
  );
}

/** The text of an error for message.error(). */
export function problemMessage(error: unknown, fallback: string): string {
  if (isApiProblem(error)) return error.displayMessage;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
