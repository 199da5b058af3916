import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 404 for a record that does not exist or is outside the caller's scope (the API never tells which). */
export function NotFound({ page = false }: { page?: boolean }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      data-testid="not-found"
      title={page ? t('common.pageNotFound') : t('common.notFoundOrNoAccess')}
      subTitle={page ? undefined : t('common.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      data-testid="forbidden"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
