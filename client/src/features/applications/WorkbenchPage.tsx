import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationListItem } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LoadMore } from '../../components/LoadMore';
import { useCurrentUser } from '../auth/useAuth';
import { applicationsApi, applicationsKeys } from './api';
import { ApplicationsTable } from './ApplicationsTable';
import { CurrentApplication } from './CurrentApplication';
import { useApplicationChanged } from './hooks';
import { RegisterForm } from './RegisterForm';
import { RequireRole } from './RequireRole';
import { SummaryCards } from './SummaryCards';
import { WINDOW_CLERK } from './model';
import './applications.css';

const KEYS = ['open'] as const;

/**
 * 窗口工作台: the centre's figures on top, the quick register form, and the application being handled right beside
 * it with one button per possible step. The recent applications below open there too (?open=<id>).
 */
export function WorkbenchPage() {
  return (
    <RequireRole role={WINDOW_CLERK}>
      <Workbench />
    </RequireRole>
  );
}

function Workbench() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchFilters(KEYS);
  const changed = useApplicationChanged();
  const current = params.open ?? null;
  const list = useCursorList<ApplicationListItem>(applicationsKeys.list({}), (cursor, signal) =>
    applicationsApi.list({ cursor, limit: 20 }, signal),
  );

  return (
    <>
      <PageHeader title={t('applications.nav.workbench')} subtitle={me.regionName} />
      <SummaryCards />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title={t('applications.register.title')}>
            <RegisterForm
              onRegistered={(a, etag) => {
                changed(a, etag);
                setParams({ open: a.id });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <CurrentApplication id={current} onClose={() => setParams({ open: undefined })} />
        </Col>
      </Row>
      <Card title={t('applications.list.recent')} style={{ marginTop: 16 }}>
        {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <ApplicationsTable
          items={list.items}
          loading={list.isLoading}
          onOpen={(id) => {
            setParams({ open: id });
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
          compact
          testId="workbench-table"
        />
        <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.isFetchingMore} onLoadMore={list.loadMore} />
      </Card>
    </>
  );
}
